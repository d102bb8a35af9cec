# Rhediadau cyflog.
audit-record-pay_run = Rhediad cyflog
payroll-already-run = Mae'r cyfnod cyflog hwn eisoes wedi'i redeg. Agorwch y rhediad sy'n bodoli yn lle hynny.
payroll-bad-frequency = Dewiswch pa mor aml y telir y cynorthwywyr: weekly, two_weekly, four_weekly neu monthly.
payroll-bad-tax-year = Dewiswch flwyddyn dreth y mae gan Cylch ffigurau ar ei chyfer: 2025-26 neu 2026-27.
payroll-bad-period = Rhowch yr wythnos dreth neu'r mis treth: wythnosau 1 i 53 (wythnosau eilrif ar gyfer tâl bob pythefnos, pob pedwaredd wythnos ar gyfer tâl bob pedair wythnos) neu fisoedd 1 i 12.
payroll-bad-pay-date = Rhowch y dyddiad talu fel BBBB-MM-DD.
payroll-pay-date-outside-year = Rhaid i'r dyddiad talu fod yn y flwyddyn dreth, rhwng 6 Ebrill a 5 Ebrill y flwyddyn ganlynol.
payroll-earlier-run-waiting = Mae rhediad cyflog cynharach o'r gyflogres hon yn dal i aros am gymeradwyaeth. Cymeradwywch hwnnw yn gyntaf, fel bod y ffigurau hyd yma yn derfynol.
payroll-later-period-run = Mae cyfnod cyflog diweddarach o'r gyflogres hon eisoes wedi'i redeg, felly ni ellir rhedeg y cyfnod cynharach hwn nawr.
payroll-locked = Mae'r rhediad cyflog hwn wedi'i gymeradwyo a'i gloi. Ni ellir ei newid.
payroll-same-officer = Chi ddechreuodd y rhediad cyflog hwn, felly rhaid i swyddog arall ei gymeradwyo.
payroll-engine-refused = Ni allai'r peiriant cyflogres gyfrifo cyflog cynorthwyydd. Gwiriwch ei gofnod cyflogaeth.
payroll-not-approved = Nid yw'r rhediad cyflog hwn wedi'i gymeradwyo eto. Caiff taliadau eu cofnodi unwaith y bydd wedi'i gymeradwyo.
payroll-already-paid = Mae'r taliad hwn eisoes wedi'i gofnodi ar gyfer y rhediad cyflog hwn.
payroll-nothing-owed = Nid oes arian yn ddyledus iddynt o'r rhediad cyflog hwn, felly nid oes taliad i'w gofnodi.
