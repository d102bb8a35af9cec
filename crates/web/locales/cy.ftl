## Rhannau'r dudalen
skip-to-content = Neidio i'r prif gynnwys
nav-label = Prif ddewislen
nav-home = Hafan
nav-account = Eich cyfrif
nav-admin = Rhedeg y gwasanaeth
nav-sign-out = Allgofnodi
nav-sign-in = Mewngofnodi
switch-language = English
footer-text = Cylch: yn cael ei redeg gan ei aelodau, er lles ei aelodau.

## Ffurflenni a'u gwallau
error-summary-title = Mae problem
error-prefix = Gwall:
error-title-prefix = Gwall:
error-missing = Rhowch werth
error-too-long = Mae'r gwerth yn rhy hir
error-email-format = Rhowch gyfeiriad e-bost yn y ffurf gywir, fel enw@enghraifft.com
error-password-short = Rhaid i'r cyfrinair fod yn 10 nod o leiaf
error-password-long = Ni all y cyfrinair fod yn fwy na 256 nod
error-unknown-choice = Dewiswch un o'r opsiynau
error-password-mismatch = Nid yw'r ddau gyfrinair yr un fath
error-email-taken = Mae gan y cyfeiriad e-bost hwnnw gyfrif yn barod
error-current-password = Nid yw eich cyfrinair presennol yn gywir
error-current-password-throttled = Mae eich cyfrinair presennol wedi cael ei roi gormod o weithiau. Arhoswch 15 munud, neu allgofnodwch ac ailosod eich cyfrinair.
# Yr un problemau, mewn geiriau sy'n enwi'r maes (yn ôl ei id ar y dudalen).
error-field-missing =
    { $field ->
        [plan_description] Rhowch ar gyfer beth mae'r gwariant
        [plan_amount] Rhowch y swm a gynlluniwyd
        [plan_starts_on] Rhowch y dyddiad y mae'r gwariant yn dechrau
        [email] Rhowch gyfeiriad e-bost
        [password] Rhowch gyfrinair
        [current] Rhowch eich cyfrinair presennol
        [confirm] Teipiwch y cyfrinair newydd eto
        [name] Rhowch enw
        [token_name] Rhowch enw i'r tocyn
        [kind] Dewiswch y math o gydweithfa
        [office] Dewiswch swydd
        [language] Dewiswch iaith
        [starts_on] Rhowch y dyddiad y mae'n dechrau
        [ends_on] Rhowch y dyddiad y mae'n dod i ben
        [person] Dewiswch y person
        [receipt_person] Dewiswch y person y mae'r arian ar ei gyfer
        [council] Rhowch enw'r cyngor
        [dp_amount] Rhowch swm y Taliad Uniongyrchol
        [amount] Rhowch y swm
        [receipt_amount] Rhowch y swm a ddaeth i law
        [date] Rhowch y dyddiad
        [receipt_date] Rhowch y dyddiad y daeth yr arian i law
        [description] Rhowch beth y gwariwyd yr arian arno
        [receipt_description] Rhowch o ble daeth yr arian
        [csv] Gludwch y gyfriflen banc
        [category] Dewiswch gategori
        [charge_to] Dewiswch gronfa pwy sy'n talu
        [frequency] Dewiswch pa mor aml y caiff ei dalu
        [registration_number] Rhowch y rhif cofrestru
        [registered_on] Rhowch ddyddiad y cofrestru
        [people_count] Rhowch nifer y bobl
        [document] Rhowch ble mae'r ddogfen yn cael ei chadw
        [fca_registration_number] Rhowch rif cofrestru'r Awdurdod Ymddygiad Ariannol
        [hmrc_employer_reference] Rhowch gyfeirnod TWE y cyflogwr
        [insurer] Rhowch enw'r yswiriwr
        [policy_number] Rhowch rif y polisi
        [cover_pence] Rhowch werth yr yswiriant
        [expires_on] Rhowch y dyddiad y daw'r yswiriant i ben
        [pension_provider] Rhowch enw'r darparwr pensiwn
        [ciw_registration_number] Rhowch rif cofrestru AGC
        [person_name] Rhowch enw'r person
        [council_reference] Rhowch gyfeirnod y cyngor
       *[other] Rhowch werth
    }
error-field-too-long =
    { $field ->
        [email] Mae'r cyfeiriad e-bost yn rhy hir
        [name] Mae'r enw yn rhy hir
        [token_name] Mae enw'r tocyn yn rhy hir
       *[other] Mae'r gwerth yn rhy hir
    }
error-field-unknown-choice =
    { $field ->
        [kind] Dewiswch un o'r mathau o gydweithfa
        [office] Dewiswch un o'r swyddi
        [language] Dewiswch Gymraeg neu Saesneg
        [member] Dewiswch un o'r aelodau, neu ddim un
        [representative] Dewiswch un o'r aelodau, neu ddim un
        [reason] Dewiswch pam mae'r cymorth yn dod i ben
       *[other] Dewiswch un o'r opsiynau
    }

## Mewngofnodi
sign-in-title = Mewngofnodi
sign-in-expired = Daeth eich sesiwn i ben am nad oedd wedi cael ei defnyddio ers tro. Mewngofnodwch eto i barhau lle'r oeddech chi.
reset-done = Mae eich cyfrinair wedi newid. Mewngofnodwch gyda'ch cyfrinair newydd.
field-email = Cyfeiriad e-bost
field-password = Cyfrinair
sign-in-button = Mewngofnodi
sign-in-forgot = Wedi anghofio eich cyfrinair?
sign-in-throttled = Bu gormod o ymdrechion i fewngofnodi gyda'r cyfeiriad e-bost hwn. Arhoswch 15 munud, neu ailosodwch eich cyfrinair.
sign-in-throttled-client = Mae gormod o ymdrechion i fewngofnodi wedi methu o'r rhwydwaith hwn. Arhoswch 15 munud, neu ailosodwch eich cyfrinair.
sign-in-wrong = Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir
signed-out-title = Rydych chi wedi allgofnodi
signed-out-body = Rydych chi wedi allgofnodi o Cylch ar y ddyfais hon.

## Ailosod cyfrinair
reset-title = Ailosod eich cyfrinair
reset-intro = Rhowch y cyfeiriad e-bost rydych chi'n ei ddefnyddio ar gyfer Cylch. Byddwn yn anfon dolen atoch i ddewis cyfrinair newydd.
reset-send = Anfon y ddolen
reset-sent-title = Edrychwch ar eich e-bost
reset-sent-body = Os oes cyfrif gyda'r cyfeiriad e-bost hwnnw, rydym wedi anfon dolen ato i ddewis cyfrinair newydd. Mae'r ddolen yn gweithio am awr.
reset-expired-title = Nid yw'r ddolen hon yn gweithio mwyach
reset-expired-body = Mae'r ddolen wedi cael ei defnyddio'n barod neu mae'n fwy nag awr oed. Gofynnwch am un newydd.
new-password-title = Dewis cyfrinair newydd
field-new-password = Cyfrinair newydd
hint-password = 10 nod o leiaf. Mae ychydig o eiriau digyswllt yn gwneud cyfrinair cryf sy'n hawdd ei gofio.
field-confirm-password = Teipiwch y cyfrinair newydd eto
save-password = Cadw'r cyfrinair
field-language = Iaith
email-reset-subject = Ailosod eich cyfrinair Cylch
email-reset-body =
    Gofynnodd rhywun am ailosod cyfrinair eich cyfrif Cylch.

    I ddewis cyfrinair newydd, agorwch y ddolen hon o fewn awr:
    { $link }

    Os nad chi oedd hyn, gallwch anwybyddu'r e-bost hwn; nid yw eich cyfrinair wedi newid.

## Hafan
home-page-title = Hafan
home-title = Helo, { $name }
home-no-coops = Nid ydych chi'n perthyn i gydweithfa ar Cylch eto. Pan fydd cydweithfa'n eich gwahodd, bydd yn ymddangos yma.
home-your-coops = Eich cydweithfeydd
home-your-roles = Eich rolau:
home-admin-link = Creu cydweithfa neu wahodd ei swyddog cyntaf

## Mathau o gydweithfa
kind-family = Cydweithfa deulu
kind-family-hint = Yn cyflogi cynorthwywyr personol ac yn rhannu eu cymorth rhwng dim mwy na phedwar o bobl.
kind-pa_coop = Cydweithfa cynorthwywyr personol
kind-pa_coop-hint = Cynorthwywyr personol sy'n cefnogi ei gilydd ac yn hysbysebu eu gwasanaethau. Nid yw'n cyflogi neb.
kind-citizen_led = Cydweithfa a arweinir gan ddinasyddion
kind-citizen_led-hint = Yn comisiynu neu'n darparu gwasanaethau i fwy o bobl. Mae angen cofrestru gydag Arolygiaeth Gofal Cymru i gefnogi mwy na phedwar o bobl.

## Rolau
office-chair = Cadeirydd
office-secretary = Ysgrifennydd
office-treasurer = Trysorydd
office-coordinator = Cydlynydd
class-supported_person = Person sy'n cael cymorth
class-representative = Cynrychiolydd person sy'n cael cymorth
class-family_or_carer = Aelod o'r teulu neu ofalwr
class-pa = Cynorthwyydd personol
class-supporter = Cefnogwr

## Cydweithfa
coop-page-title = Cydweithfa
coop-audit-link = Darllen y trywydd archwilio
coop-members = Aelodau
member-count =
    { $count ->
        [zero] Dim aelodau
        [one] Un aelod
        [two] Dau aelod
        [few] Tri aelod
        [many] Chwe aelod
       *[other] { $count } aelod
    }
col-name = Enw
col-roles = Rolau
col-kind = Math
col-actions = Camau
col-created = Crëwyd

## Trywydd archwilio
audit-title = Trywydd archwilio
audit-intro = Pob newid i gofnodion { $coop }, y diweddaraf yn gyntaf.
audit-caption = Newidiadau
col-when = Pryd
col-who = Pwy
col-record = Cofnod
col-change = Newid
col-details = Manylion
audit-system = Cylch
audit-record-coop = Cydweithfa
audit-record-membership = Aelodaeth
audit-record-office = Swydd
audit-record-invitation = Gwahoddiad
audit-record-account = Cyfrif
audit-record-session = Mewngofnodi
audit-record-api_token = Tocyn API
audit-record-supported_person = Person sy'n cael cymorth
audit-record-ciw_registration = Cofrestriad gydag Arolygiaeth Gofal Cymru
audit-record-dp_arrangement = Trefniant Taliadau Uniongyrchol
audit-record-payment_claim = Hawliad am daliad
audit-record-claim_approval = Cymeradwyo hawliad
audit-record-claim_payment = Talu hawliad
audit-record-ledger_entry = Cofnod yn y cyfriflyfr
audit-record-ledger_settings = Gosodiadau'r cyfriflyfr
audit-record-bank_import = Mewnforio cyfriflen banc
audit-record-bank_match = Paru taliad banc
audit-record-planned_spending = Gwariant wedi'i gynllunio
audit-action-created = Crëwyd
audit-action-updated = Newidiwyd
audit-action-deleted = Tynnwyd
audit-before = Cyn:
audit-after = Wedyn:

## Cyfrif
account-title = Eich cyfrif
account-details = Eich manylion
field-name = Enw
save-details = Cadw eich manylion
account-password = Newid eich cyfrinair
field-current-password = Cyfrinair presennol
field-current-password-for-email = Eich cyfrinair, i newid eich cyfeiriad e-bost
account-sessions = Ble rydych chi wedi mewngofnodi
session-count =
    { $count ->
        [zero] Nid ydych chi wedi mewngofnodi ar unrhyw ddyfais.
        [one] Rydych chi wedi mewngofnodi ar un ddyfais neu borwr.
        [two] Rydych chi wedi mewngofnodi ar ddwy ddyfais neu borwr.
        [few] Rydych chi wedi mewngofnodi ar dair dyfais neu borwr.
        [many] Rydych chi wedi mewngofnodi ar chwe dyfais neu borwr.
       *[other] Rydych chi wedi mewngofnodi ar { $count } dyfais neu borwr.
    }
sign-out-everywhere = Allgofnodi ym mhobman
account-tokens = Tocynnau API
tokens-intro = Mae tocyn yn gadael i raglen arall ddefnyddio API Cylch fel chi. Cadwch ef yn gyfrinach, a'i ddirymu pan nad oes ei angen mwyach.
token-created = Mae eich tocyn newydd isod. Copïwch ef nawr: ni fydd yn cael ei ddangos eto.
token-revoke = Dirymu
field-token-name = Enw tocyn newydd
token-create = Creu tocyn
account-saved-details = Mae eich manylion wedi'u cadw.
account-saved-password = Mae eich cyfrinair wedi newid. Rydych chi wedi cael eich allgofnodi ym mhobman arall.
account-saved-token = Mae'r tocyn wedi'i ddirymu.
hint-current-password-email = Ei angen dim ond os byddwch chi'n newid eich cyfeiriad e-bost
email-address-changed-subject = Mae cyfeiriad e-bost eich cyfrif Cylch wedi newid
email-address-changed-body = Mae cyfeiriad e-bost eich cyfrif Cylch wedi cael ei newid i { $email }. Bydd Cylch yn anfon ei negeseuon e-bost yno o hyn ymlaen.

    Os na wnaethoch chi ei newid, efallai fod rhywun arall yn defnyddio eich cyfrif: ailosodwch eich cyfrinair, a dywedwch wrth swyddogion eich cydweithfa.

## Rhedeg y gwasanaeth
admin-title = Rhedeg y gwasanaeth
admin-intro = Creu cydweithfa a gwahodd ei swyddog cyntaf. Nid ydych chi'n gweld cofnodion gofal, iechyd nac arian y cydweithfeydd.
admin-coops = Cydweithfeydd ar y gwasanaeth hwn
admin-no-coops = Nid oes cydweithfeydd eto.
admin-invite-link = Gwahodd swyddog
admin-create = Creu cydweithfa
field-coop-name = Enw'r gydweithfa
field-coop-kind = Math o gydweithfa
admin-create-button = Creu'r gydweithfa
invite-page-title = Gwahodd swyddog
invite-title = Gwahodd swyddog cyntaf { $coop }
invite-intro = Byddwn yn anfon dolen atynt drwy e-bost i ymuno. Mae'r ddolen yn gweithio am 14 diwrnod.
field-office = Swydd
invite-send = Anfon y gwahoddiad
invite-sent-title = Gwahoddiad wedi'i anfon
invite-sent-body = Rydym wedi anfon gwahoddiad drwy e-bost at { $email }.
email-invite-subject = Gwahoddiad i ymuno â { $coop } ar Cylch
email-invite-body =
    Rydych chi wedi cael gwahoddiad i ymuno â { $coop } ar Cylch.

    I dderbyn, agorwch y ddolen hon o fewn 14 diwrnod:
    { $link }

## Gwahoddiadau
invitation-title = Ymuno â'ch cydweithfa
invitation-intro = Rydych chi wedi cael gwahoddiad i ymuno â { $coop } fel { $role }.
invitation-accept = Derbyn y gwahoddiad
invitation-gone-title = Nid yw'r gwahoddiad hwn yn gweithio mwyach
invitation-gone-body = Mae wedi cael ei dderbyn yn barod neu mae'n fwy na 14 diwrnod oed. Gofynnwch i'r sawl a'ch gwahoddodd anfon un newydd.

## Gwallau
error-refused-title = Ni wnaed hyn
error-refused-back = Mynd yn ôl
error-not-found-title = Heb ddod o hyd i'r dudalen
error-not-found-body = Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch chi ddilyn dolen, efallai fod y dudalen wedi symud neu nad oes gennych chi fynediad iddi.
error-forbidden-title = Ni allwch chi wneud hyn
error-forbidden-body = Nid yw eich rôl yn caniatáu hyn. Os ydych chi'n credu y dylai, gofynnwch i un o swyddogion eich cydweithfa.
error-sign-in-required-title = Mewngofnodwch i barhau
error-sign-in-required-body = Mae angen i chi fewngofnodi i weld hyn.
error-csrf-title = Roedd y ffurflen wedi dod i ben
error-csrf-body = Er eich diogelwch, nid oedd modd anfon y ffurflen. Ewch yn ôl, ail-lwythwch y dudalen a rhoi cynnig arall arni.
error-bad-request-title = Nid oedd rhywbeth yn y cais yn iawn
error-bad-request-body = Ewch yn ôl a rhoi cynnig arall arni. Os yw'n dal i ddigwydd, cysylltwch â'r bobl sy'n rhedeg y gwasanaeth hwn.
error-too-large-title = Roedd hynny'n ormod i'w anfon ar unwaith
error-too-large-body = Mae'r hyn a anfonwyd gennych yn fwy nag y mae Cylch yn ei dderbyn. Ewch yn ôl ac anfon rhywbeth byrrach.
error-method-not-allowed-title = Ni ellir gwneud hynny yma
error-method-not-allowed-body = Ni ellir defnyddio'r dudalen hon yn y ffordd honno. Ewch yn ôl a defnyddio'r botymau ar y dudalen.
error-internal-title = Mae'n ddrwg gennym, aeth rhywbeth o'i le
error-internal-body = Nid chi achosodd hyn, ac ni chafodd dim a roesoch chi ei gadw ar ei hanner. Rhowch gynnig arall arni ymhen ychydig funudau.
error-reference = Os byddwch chi'n cysylltu â'r bobl sy'n rhedeg y gwasanaeth hwn, rhowch y cyfeirnod hwn iddynt: { $reference }
error-go-home = Mynd i'r hafan

signed-out-everywhere-title = Rydych chi wedi allgofnodi ym mhobman
signed-out-everywhere-body = Rydych chi wedi allgofnodi o Cylch ar bob dyfais a phorwr, gan gynnwys hwn.

## Pobl y mae'r gydweithfa'n eu cefnogi
error-date-format = Rhowch ddyddiad go iawn, fel 6/4/2026
error-control-character = Tynnwch y nodau rheoli anweledig (fel cloch neu doriad tudalen) o'r testun hwn
error-amount-too-large = Rhowch swm o ddim mwy na £10,000,000
invite-error-themselves = Ni allwch chi wahodd eich hun: gwahoddwch y person a fydd yn dal y swydd
invite-error-has-officers = Mae gan y gydweithfa hon swyddogion eisoes. Nhw sy'n gwahodd unrhyw un arall, o dudalen aelodau'r gydweithfa
hint-date = Er enghraifft, 6/4/2026
support-title = Pobl y mae'r gydweithfa'n eu cefnogi
support-link = Pobl y mae'r gydweithfa'n eu cefnogi
support-rule = Dim ond tra bydd yn rhoi gofal a chymorth i ddim mwy na phedwar o bobl ar unrhyw un adeg y mae cydweithfa deulu y tu allan i'r rheoleiddio ar asiantaethau gofal cartref. Mae dod â chymorth rhywun i ben yn rhyddhau ei le o'r diwrnod hwnnw; mae ei gofnod yn cael ei gadw.
support-places-in-use =
    { $count ->
        [zero] Does dim un o'r { $limit } lle yn cael ei ddefnyddio heddiw.
        [one] Mae un o'r { $limit } lle yn cael ei ddefnyddio heddiw.
        [two] Mae dau o'r { $limit } lle yn cael eu defnyddio heddiw.
        [few] Mae tri o'r { $limit } lle yn cael eu defnyddio heddiw.
        [many] Mae chwech o'r { $limit } lle yn cael eu defnyddio heddiw.
       *[other] Mae { $count } o'r { $limit } lle yn cael eu defnyddio heddiw.
    }
support-ciw-registered = Wedi cofrestru gydag Arolygiaeth Gofal Cymru ({ $number }): nid yw'r terfyn o bedwar o bobl yn berthnasol o ddyddiad y cofrestru.
support-pa-coop = Mae cydweithfa cynorthwywyr personol yn cefnogi ei chynorthwywyr ac nid yw'n rhoi gofal a chymorth ei hun, felly nid oes ganddi bobl sy'n cael cymorth.
support-caption = Pawb y mae'r gydweithfa'n eu cefnogi neu wedi'u cefnogi
support-col-link = Aelod neu'n cael ei gynrychioli gan
support-col-from = O
support-col-to = Hyd
support-continuing = Yn parhau
support-is-member = Aelod
support-represented-by = Yn cael ei gynrychioli gan { $name }
support-add = Rhoi lle i rywun
support-field-name = Enw'r person
support-field-member = Aelodaeth y person ei hun
support-field-representative = Yr aelod sy'n ei gynrychioli
support-representative-hint = Dewiswch hwn pan fydd aelod yn gweithredu ar ran y person, er enghraifft rhiant neu benodai.
support-none = Dim
support-field-starts = Mae'r cymorth yn dechrau ar
support-add-button = Rhoi lle iddynt
support-end-heading = Dod â chymorth { $name } i ben
support-field-ends = Mae'r cymorth yn dod i ben ar
support-field-reason = Pam mae'r cymorth yn dod i ben
support-end-button = Dod â'r cymorth i ben
support-end-no_longer_needed = Dim angen mwyach
support-end-moved_away = Wedi symud i ffwrdd
support-end-chose_another_provider = Wedi dewis darparwr arall
support-end-died = Wedi marw
support-end-moved_to_another_coop = Wedi symud i gydweithfa arall
support-end-other = Rheswm arall
support-ciw-heading = Cofrestru gydag Arolygiaeth Gofal Cymru
support-ciw-intro = Mae cydweithfa sy'n rhoi gofal a chymorth i fwy na phedwar o bobl yn wasanaeth cymorth cartref. Rhaid iddi gofrestru gydag Arolygiaeth Gofal Cymru yn gyntaf, enwi Unigolyn Cyfrifol, cadw datganiad o ddiben, paratoi cynllun personol i bob person cyn i'r gofal ddechrau, a rhaid i'w gweithwyr gofal gofrestru gyda Gofal Cymdeithasol Cymru o fewn chwe mis. Cofnodwch y cofrestriad yma unwaith y bydd wedi'i roi.
support-field-ciw-number = Rhif cofrestru
support-field-ciw-date = Dyddiad cofrestru
support-ciw-button = Cofnodi'r cofrestriad
support-refused-title = Ni ellir rhoi lle i'r person hwn
support-refused-limit = Gall cydweithfa nad yw wedi cofrestru gydag Arolygiaeth Gofal Cymru roi gofal a chymorth i { $limit } o bobl ar y mwyaf ar unrhyw un adeg. Ar { $day }, byddai { $current } o bobl eisoes yn cael cymorth.
support-choices = Gall yr aelodau:
support-choice-end = ddod â chymorth rhywun nad oes ei angen arno mwyach i ben ({ $names })
support-choice-later = dechrau cymorth y person hwn yn nes ymlaen, ar { $day } neu wedyn
support-choice-ciw = cofrestru gydag Arolygiaeth Gofal Cymru fel gwasanaeth cymorth cartref
support-choice-another = ffurfio cydweithfa arall i'r person hwn ac eraill
support-not-member-here = Dewiswch aelod o'r gydweithfa hon
support-member-already-supported = Mae gan yr aelod hwn le eisoes dros y dyddiadau hynny. Dewiswch aelod arall, neu dewch â'i gymorth i ben yn gyntaf
governance-pa-coop-provides-no-support = Nid yw cydweithfa cynorthwywyr personol yn rhoi gofal a chymorth ei hun, felly nid oes ganddi bobl sy'n cael cymorth.
governance-not-a-member = Rhaid i bawb y mae'r gydweithfa'n eu cefnogi fod yn aelod neu gael ei gynrychioli gan aelod. Dewiswch ei aelodaeth neu ei gynrychiolydd.
governance-already-supported = Mae'r person hwn eisoes yn cael gofal a chymorth gan y gydweithfa ar y dyddiadau hynny.
governance-four-person-limit = Gall cydweithfa nad yw wedi cofrestru gydag Arolygiaeth Gofal Cymru roi gofal a chymorth i bedwar o bobl ar y mwyaf ar unrhyw un adeg. Gall yr aelodau ddod â chymorth rhywun i ben, dechrau cymorth y person newydd yn nes ymlaen, cofrestru gydag Arolygiaeth Gofal Cymru, neu ffurfio cydweithfa arall.
governance-ends-before-start = Ni all cymorth ddod i ben cyn iddo ddechrau.
governance-no-open-place = Nid oes gan y person hwn gymorth parhaus i ddod i ben.

## Cofrestrau aelodau a swyddogion
register-title = Cofrestrau aelodau a swyddogion
register-link = Cofrestrau aelodau a swyddogion
register-intro = Y cofrestrau y mae'r gyfraith yn gofyn i gymdeithas gydweithredol eu cadw. Mae cyn-aelodau'n cadw eu cofnodion, gyda'r diwrnod y daeth eu haelodaeth i ben a pham.
register-download = Lawrlwytho'r gofrestr aelodau (CSV)
register-members = Cofrestr aelodau
register-officers = Cofrestr swyddogion
register-col-address = Cyfeiriad post
register-col-email = Cyfeiriad e-bost ar gyfer hysbysiadau
register-col-class = Dosbarth aelod
register-col-shares = Cyfranddaliadau
register-col-paid = Swm a dalwyd ar y cyfranddaliadau
register-col-admitted = Dyddiad derbyn
register-col-ceased = Dyddiad gadael
register-col-reason = Pam daeth yr aelodaeth i ben
register-col-office = Swydd
register-col-took-office = Dechrau yn y swydd
register-col-left-office = Gadael y swydd
register-entry-heading = Cofnod { $name }
register-save = Cadw'r cofnod
register-field-ceased = Mae'r aelodaeth yn dod i ben ar
register-cease-heading = Dod ag aelodaeth { $name } i ben
register-ceased-resigned = Ymddiswyddodd
register-ceased-died = Bu farw
register-ceased-expelled = Diarddelwyd
register-ceased-no_longer_qualifies = Nid yw'n gymwys mwyach
register-ceased-other = Rheswm arall
register-error-shares = Rhowch nifer y cyfranddaliadau fel rhif cyfan, fel 1
register-error-paid = Rhowch y swm a dalwyd mewn punnoedd, fel 1.00
register-error-before-admitted = Ni all aelodaeth ddod i ben cyn i'r aelod gael ei dderbyn

## Ledger
ledger-unknown-person = Nid yw'r gydweithfa hon yn cefnogi'r person hwnnw. Dewiswch rywun o'r gofrestr cymorth.
ledger-reversal-posted-directly = Mae cywiriad yn cael ei wneud drwy wrthdroi'r cofnod, nid drwy bostio cofnod newydd sy'n dweud ei fod yn gwrthdroi un.
ledger-no-arrangement = Nid oes gan y person hwn drefniant Taliad Uniongyrchol ar gyfer y dyddiad hwnnw. Cofnodwch ei drefniant yn gyntaf.
ledger-claim-already-paid = Mae'r hawliad hwn wedi'i dalu eisoes.
ledger-field-amount = Rhowch swm mewn ceiniogau sy'n fwy na sero, fel 1250 am £12.50
ledger-field-charge-to = Dywedwch pa gronfa sy'n talu: un person, y gronfa gyffredinol, neu rannu rhwng pobl yn ôl rheol
ledger-field-layout = Enwch golofnau dyddiad, disgrifiad a swm y datganiad
ledger-already-reversed = Mae'r cofnod hwn wedi'i wrthdroi eisoes. Postiwch y cofnod cywir yn lle hynny.
ledger-reversal-of-reversal = Ni ellir gwrthdroi gwrthdroad. Postiwch y cofnod cywir eto yn lle hynny.
ledger-approval-already-approved = Mae gan yr hawliad hwn yr holl gymeradwyaethau sydd eu hangen arno eisoes.
ledger-approval-already-approved-by = Rydych chi wedi cymeradwyo'r hawliad hwn eisoes. Rhaid i swyddog arall roi'r ail gymeradwyaeth.
ledger-approval-not-an-officer = Dim ond swyddogion y gydweithfa all gymeradwyo taliadau.
ledger-approval-own-claim = Ni all neb gymeradwyo ei hawliad ei hun. Rhaid i swyddog arall ei gymeradwyo.
ledger-backwards-period = Mae'r cyfnod yn dod i ben cyn iddo ddechrau.
ledger-bank-not-utf8 = Llinell { $line }: nid testun UTF-8 yw'r ffeil. Cadwch hi o'r daenlen fel "CSV UTF-8" a'i mewnforio eto.
ledger-bank-cut-short-in-quotes = Llinell { $line }: mae maes mewn dyfynodau'n dechrau yma ac mae'r ffeil yn dod i ben cyn iddo gau. Mae'n ymddangos bod y ffeil yn anghyflawn, felly lawrlwythwch hi eto.
ledger-bank-text-after-quote = Llinell { $line }: mae testun yn syth ar ôl dyfynnod cau, felly nid yw'r ffeil yn CSV dilys.
ledger-bank-no-header = Ni chafwyd rhes pennawd gyda cholofnau banc y mae Cylch yn ei adnabod. Dewiswch gynllun y banc neu enwch ei golofnau.
ledger-bank-no-transactions = Mae gan y ffeil bennawd ond dim trafodion.
ledger-bank-cut-short = Llinell { $line }: mae gan y llinell olaf lai o feysydd na'r pennawd. Mae'n ymddangos bod y ffeil yn anghyflawn, felly lawrlwythwch hi eto.
ledger-bank-wrong-field-count = Llinell { $line }: nid yw nifer y meysydd yr un fath ag yn y pennawd.
ledger-bank-bad-date = Llinell { $line }: nid dyddiad yw hwn. Rhaid i ddyddiadau fod fel 01/04/2026, 2026-04-01 neu 01 Apr 2026.
ledger-bank-bad-amount = Llinell { $line }: nid swm o arian yw un o'r symiau, fel 12.50.
ledger-bank-no-amount = Llinell { $line }: nid oes swm yn y golofn arian i mewn nac yn y golofn arian allan.
ledger-bank-both-amounts = Llinell { $line }: mae swm yn y golofn arian i mewn ac yn y golofn arian allan.
ledger-bank-cut-short-in-value = Llinell { $line }: mae'r ffeil yn dod i ben hanner ffordd drwy swm. Mae'n ymddangos bod y ffeil yn anghyflawn, felly lawrlwythwch hi eto.
ledger-bank-overflow = Llinell { $line }: mae'r symiau'n rhy fawr i'w hadio. Gwiriwch y ffeil.
ledger-chart-duplicate-code = Mae gan ddau gyfrif yn y siart yr un cod.
ledger-chart-empty-code = Nid oes cod gan un o'r cyfrifon yn y siart.
ledger-claim-no-description = Mae angen disgrifiad ar hawliad sy'n dweud at beth y mae.
ledger-claim-not-positive = Rhaid i hawliad fod am fwy na sero.
ledger-date-out-of-range = Mae'r dyddiadau'n mynd y tu hwnt i'r calendr y gall Cylch weithio ag ef.
ledger-empty-person-id = Dewiswch berson.
ledger-entry-fund-unbalanced = O fewn pob cronfa rhaid i'r debydau fod yn hafal i'r credydau.
ledger-entry-no-description = Mae angen disgrifiad ar gofnod sy'n dweud at beth y mae.
ledger-entry-not-in-allocation = Mae gan rywun linell yn y cofnod hwn ond nid yw yn ei reol rannu.
ledger-entry-not-positive = Rhaid i bob swm fod yn fwy na sero. Defnyddiwch yr ochr arall ar gyfer arian sy'n mynd y ffordd arall.
ledger-entry-too-few-lines = Mae angen o leiaf dwy linell ar gofnod.
ledger-entry-unknown-account = Nid yw un o gyfrifon y cofnod hwn yn y siart cyfrifon.
ledger-money-bad-grouping = Nid yw'r miloedd yn y swm hwn wedi'u grwpio fesul tri, fel 1,234.56.
ledger-money-empty = Rhowch swm.
ledger-money-not-money = Nid swm o arian yw hwn, fel 12.50.
ledger-money-too-large = Mae'r swm hwn yn rhy fawr.
ledger-money-too-many-decimals = Mae gan swm ddau ffigur ar y mwyaf ar ôl y pwynt, ar gyfer ceiniogau.
ledger-overflow = Mae'r symiau'n rhy fawr i'w hadio.
ledger-posting-no-account-for-category = Nid oes gan y siart cyfrifon gyfrif gwario ar gyfer y categori hwn.
ledger-posting-not-a-payment-account = Dim ond o'r banc neu o'r biliau i'w talu y gellir talu arian.
ledger-posting-not-approved = Nid oes gan yr hawliad hwn yr holl gymeradwyaethau sydd eu hangen arno eto, felly ni ellir ei dalu.
ledger-posting-not-positive = Rhaid i wariant fod yn fwy na sero. Mae ad-daliad yn cael ei bostio fel gwrthdroad neu fel incwm.
ledger-posting-same-fund = Dim ond rhwng dwy gronfa wahanol y gellir symud arian.
ledger-report-no-months = Mae angen o leiaf un mis ar ragolwg.
ledger-report-unknown-account = Mae cofnod yn defnyddio cyfrif nad yw yn y siart cyfrifon.
ledger-schedule-ends-before-start = Mae'r trefniant yn dod i ben cyn iddo ddechrau.
ledger-schedule-no-council = Rhowch enw'r cyngor sy'n talu.
ledger-schedule-not-positive = Rhaid i daliad rheolaidd fod am fwy na sero.
ledger-split-basis-points-not-whole = Rhaid i'r cyfrannau canrannol adio i 100%.
ledger-split-duplicate-person = Mae rhywun wedi'i restru fwy nag unwaith yn y rhaniad.
ledger-split-no-people = Mae angen o leiaf un person ar raniad.
ledger-split-nothing-to-share-by = Nid oes gan neb yn y rhaniad unrhyw funudau na phwysau, felly nid oes dim i rannu yn ei ôl.
ledger-wages-negative = Ni all cyflog fod yn llai na sero.
ledger-wages-nothing = Nid oes oriau cymorth i godi'r cyflog arnynt.
ledger-category-pa_wages = Cyflogau cynorthwywyr personol
ledger-category-employer_costs = Costau cyflogwr
ledger-category-activities = Gweithgareddau
ledger-category-equipment = Offer
ledger-category-training = Hyfforddiant
ledger-category-insurance = Yswiriant
ledger-category-admin = Gweinyddu
ledger-csv-figure = Ffigur
ledger-csv-amount = Swm (£)
ledger-csv-person = Person
ledger-csv-council = Y cyngor sy'n talu
ledger-csv-from = Cyfnod o
ledger-csv-to = Cyfnod hyd at
ledger-csv-opening = Balans agoriadol
ledger-csv-direct-payments = Taliadau Uniongyrchol a dderbyniwyd
ledger-csv-contributions = Cyfraniadau cleientiaid a dderbyniwyd
ledger-csv-other-income = Incwm arall
ledger-csv-shared = O'r gwariant, cyfrannau o gostau a rennir
ledger-csv-spent = Cyfanswm a wariwyd
ledger-csv-closing = Balans cau
ledger-csv-threshold = Trothwy gwarged
ledger-csv-surplus = Gwarged uwchlaw'r trothwy
ledger-title = Arian
ledger-link = Arian: cronfeydd, datganiadau a ffurflenni i'r cyngor
ledger-statement-title = Datganiad a ffurflen i'r cyngor
ledger-bank-refused-title = Ni chafodd y datganiad ei fewnforio
ledger-totals-caption = Cyfansymiau'r gydweithfa, { $period }
ledger-income = Arian i mewn
ledger-spending = Arian a wariwyd
ledger-net-assets = Yr hyn sydd gan y gydweithfa
ledger-funds-caption = Cronfa Taliad Uniongyrchol pob person
ledger-col-balance = Balans
ledger-col-statement = Datganiad
ledger-col-date = Dyddiad
ledger-col-whole = Y gost gyfan
ledger-col-share = Eu cyfran
ledger-statement-link = Datganiad { $name }
ledger-arrangement-heading = Cofnodi trefniant Taliad Uniongyrchol
ledger-label-person = Person
ledger-choose-person = Dewiswch berson
ledger-label-council = Y cyngor sy'n talu
ledger-label-dp-amount = Swm pob taliad
ledger-hint-money = Mewn punnoedd a cheiniogau, er enghraifft 1,200.00
ledger-label-frequency = Pa mor aml y caiff ei dalu
ledger-frequency-weekly = Bob wythnos
ledger-frequency-four_weekly = Bob pedair wythnos
ledger-frequency-monthly = Bob mis
ledger-label-starts = Y taliad cyntaf ar
ledger-arrangement-button = Cofnodi'r trefniant
ledger-receipt-heading = Cofnodi arian a dderbyniwyd
ledger-label-received-on = Derbyniwyd ar
ledger-label-amount = Swm
ledger-label-description = Disgrifiad
ledger-label-contribution = Cyfraniad y person ei hun yw hwn, nid taliad y cyngor
ledger-receipt-button = Cofnodi'r arian a dderbyniwyd
ledger-spending-heading = Cofnodi gwariant
ledger-label-paid-on = Talwyd ar
ledger-label-category = Categori
ledger-label-charge-to = Cronfa pwy sy'n talu
ledger-charge-general = Cronfa gyffredinol y gydweithfa
ledger-label-shared-with = Wedi'i rannu rhwng
ledger-split-choose-people = Ticiwch o leiaf ddau berson i rannu'r gost rhyngddynt
ledger-spending-button = Cofnodi'r gwariant
ledger-import-heading = Mewnforio datganiad banc
ledger-label-csv = Y datganiad, fel CSV
ledger-hint-csv = Lawrlwythwch y datganiad o'r banc fel ffeil CSV, agorwch hi mewn golygydd testun a gludwch y cyfan yma. Mae llinellau a fewnforiwyd eisoes yn cael eu hepgor.
ledger-import-button = Mewnforio'r datganiad
ledger-imported = Mewnforiwyd y datganiad: { $added } o linellau newydd; { $known } wedi'u mewnforio eisoes.
ledger-reconcile-heading = Cysoni'r banc
ledger-all-reconciled = Mae pob llinell banc a fewnforiwyd wedi'i pharu â chofnod yn y llyfrau.
ledger-unreconciled-caption = Llinellau banc sydd heb eu paru â chofnod eto
ledger-reconcile-button = Paru llinellau banc â chofnodion
ledger-back = Yn ôl i'r dudalen arian
ledger-no-funds = Nid oes cronfa i chi ei gweld.
ledger-period-heading = Dewiswch y person a'r cyfnod
ledger-show-button = Dangos
ledger-statement-of = Cronfa { $name }
ledger-statement-caption = Datganiad, { $period }
ledger-shared-caption = Eu cyfrannau o gostau a rennir ag eraill
ledger-return-heading = Ffurflen i'r cyngor
ledger-return-caption = Ffurflen fonitro, { $period }
ledger-surplus-flag = Mae gan y gronfa { $amount } yn fwy nag y mae'r cyngor yn caniatáu ei gadw.
ledger-download-csv = Lawrlwytho'r ffurflen fel CSV
ledger-entries-title = Y llyfrau
ledger-entries-link = Pob cofnod yn y llyfrau
ledger-entries-intro = Nid yw cofnodion byth yn cael eu newid na'u dileu. I gywiro un, gwrthdrowch ef, sy'n postio'r union gyferbyn gyda'ch rheswm, ac yna cofnodwch y cofnod cywir.
ledger-no-entries = Nid oes dim wedi'i bostio eto.
ledger-entries-caption = Pob cofnod, y mwyaf diweddar yn gyntaf
ledger-col-status = Cywiriadau
ledger-entry-reversed = Wedi'i wrthdroi
ledger-entry-is-reversal = Gwrthdroad
ledger-reverse-summary = Gwrthdroi “{ $entry }”
ledger-label-reverse-date = Dyddiad y cywiriad
ledger-label-reason = Pam y mae'n cael ei wrthdroi
ledger-reverse-button = Gwrthdroi'r cofnod hwn

## Proposals and votes
votes-link = Cynigion a phleidleisiau
votes-title = Cynigion a phleidleisiau
votes-intro = Gall unrhyw aelod gyflwyno cynnig. Mae'r aelodau'n ei drafod, ac yna'n pleidleisio ar-lein tra bo'r bleidlais ar agor: o blaid, yn erbyn, neu ymatal. Mae gan bob aelod un bleidlais, a gall ei newid hyd nes i'r bleidlais gau.
votes-decisions-link = Chwilio'r cofnod penderfyniadau
votes-none-yet = Does neb wedi cyflwyno cynnig eto.
votes-caption = Cynigion, y diweddaraf yn gyntaf
votes-col-proposal = Cynnig
votes-col-rule = Sut y penderfynir
votes-col-status = Sefyllfa
votes-col-closes = Y bleidlais yn cau
votes-col-decided = Penderfynwyd ar
votes-col-outcome = Canlyniad
votes-col-how = Sut y daeth y bleidlais
votes-col-entered-by = Cofnodwyd gan
votes-col-when = Pryd
votes-col-choice = Pleidlais
votes-raise = Cyflwyno cynnig
votes-field-title = Teitl
votes-field-background = Cefndir
votes-background-hint = Dywedwch beth rydych chi'n ei gynnig a pham, fel y gall yr aelodau benderfynu. Gadewch linell wag rhwng paragraffau.
votes-field-subject = Am beth mae'r cynnig
votes-field-rule = Sut y penderfynir arno
votes-field-secret = Gofyn am bleidlais gudd
votes-secret-hint = Fydd neb, hyd yn oed y swyddogion, yn gallu gweld sut y pleidleisiodd unrhyw un.
votes-secret-always = Mae rheolau'r gydweithfa'n gwneud pob pleidlais yn bleidlais gudd.
votes-field-opens = Y bleidlais yn agor
votes-field-closes = Y bleidlais yn cau
votes-time-hint = Y dyddiad a'r amser yng Nghymru, er enghraifft 25/11/2026 18:00.
votes-raise-button = Cyflwyno'r cynnig
votes-subject-general = Penderfyniad gan yr aelodau
votes-subject-rule_change = Newid y rheolau
votes-subject-expel_member = Diarddel aelod
votes-subject-wind_up = Dirwyn y gydweithfa i ben
votes-subject-convert_to_company = Troi'n gwmni
votes-subject-informal = Cwestiwn anffurfiol
votes-rule-ordinary_resolution = Penderfyniad cyffredin
votes-rule-ordinary_resolution-hint = Caiff ei basio gan fwy na hanner y pleidleisiau a fwriwyd. Nid yw ymatal yn bleidlais a fwriwyd, a chollir cynnig os yw'r pleidleisiau'n gyfartal.
votes-rule-special_resolution = Penderfyniad arbennig
votes-rule-special_resolution-hint = Caiff ei basio gan o leiaf dri chwarter y pleidleisiau a fwriwyd. Mae angen un i newid y rheolau, i ddiarddel aelod, i ddirwyn i ben ac i droi'n gwmni.
votes-rule-consent = Cydsyniad
votes-rule-consent-hint = Caiff ei basio os nad oes neb yn gwrthwynebu. Mae pleidleisio yn erbyn yn wrthwynebiad; mae ymatal yn golygu camu o'r neilltu. Ar gyfer cwestiynau anffurfiol yn unig.
votes-status-upcoming = Nid yw'r bleidlais wedi agor eto
votes-status-open = Mae'r bleidlais ar agor
votes-status-closed = Mae'r bleidlais wedi cau; mae'r pleidleisiau'n aros i gael eu cyfrif
votes-status-decided = Penderfynwyd
votes-outcome-carried = Pasiwyd
votes-outcome-lost = Ni phasiwyd
votes-outcome-inquorate = Heb ei benderfynu: pleidleisiodd rhy ychydig o aelodau i gael cworwm
votes-outcome-turnout_too_low = Heb ei benderfynu: pleidleisiodd rhy ychydig o aelodau
votes-raised-by = Cyflwynwyd gan { $name } ar { $when }
votes-window = O { $opens } tan { $closes }
votes-ballot = Pleidlais
votes-ballot-open = Pleidlais agored: gall swyddogion weld sut y pleidleisiodd pawb unwaith y bydd y canlyniad wedi'i gofnodi
votes-ballot-secret = Pleidlais gudd: all neb weld sut y pleidleisiodd unrhyw un
votes-voting = Pleidleisio
votes-background = Cefndir
votes-turnout-heading = Y pleidleisiau hyd yma
votes-turnout =
    { $total ->
        [zero] Does neb wedi pleidleisio eto
        [one] Mae 1 aelod wedi pleidleisio
       *[other] Mae { $total } aelod wedi pleidleisio
    }: { $online } ar-lein, { $assisted } gyda chymorth swyddog, { $paper } ar bapur, { $proxy } drwy ddirprwy.
votes-secret-explained = Pleidlais gudd yw hon. Mae Cylch yn cofnodi eich bod wedi pleidleisio a sut y daeth eich pleidlais, ond byth eich dewis gyda'ch enw, ac nid yw'n dangos cyfrif nes bod y canlyniad wedi'i gofnodi.
votes-result = Canlyniad
votes-count-caption = Y cyfrif
votes-count-who = Pwy bleidleisiodd
votes-count-all = Yr holl aelodau
votes-reason-no_votes_cast = Ni phleidleisiodd neb o blaid nac yn erbyn.
votes-reason-majority_reached = Cafwyd y mwyafrif y mae'r rheol benderfynu'n gofyn amdano.
votes-reason-tie = Pleidleisiodd cymaint o blaid ag yn erbyn. Collir cynnig pan fo'r pleidleisiau'n gyfartal: does dim pleidlais fwrw.
votes-reason-majority_not_reached = Pleidleisiodd llai o blaid nag y mae'r rheol benderfynu'n gofyn amdano.
votes-reason-no_objections = Ni wrthwynebodd neb.
votes-reason-objections =
    { $count ->
        [one] Gwrthwynebodd 1 aelod.
       *[other] Gwrthwynebodd { $count } aelod.
    }
votes-reason-turnout =
    { $count ->
        [one] Mae'r gyfraith yn gofyn i o leiaf 1 aelod bleidleisio o blaid neu yn erbyn.
       *[other] Mae'r gyfraith yn gofyn i o leiaf { $count } aelod bleidleisio o blaid neu yn erbyn.
    }
votes-quorum-met = Cymerodd { $took_part } o'r { $entitled } aelod sydd â hawl i bleidleisio ran; y cworwm yw { $required }.
votes-quorum-not-met = Dim ond { $took_part } o'r { $entitled } aelod sydd â hawl i bleidleisio a gymerodd ran; y cworwm yw { $required }, felly ni phenderfynwyd dim.
votes-recorded-by = Cofnodwyd gan { $name } ar { $when }.
votes-your-vote = Eich pleidlais
votes-you-voted = Fe bleidleisioch chi: { $choice } ({ $how }).
votes-you-voted-secret = Rydych chi wedi pleidleisio ({ $how }). Nid yw eich dewis yn cael ei gadw gyda'ch enw.
votes-your-receipt = Eich derbynneb: { $receipt }. Cadwch hi er mwyn newid eich pleidlais ar ddyfais arall; bydd y ddyfais hon yn ei chofio nes i'r bleidlais gau.
votes-field-choice = Sut ydych chi'n pleidleisio?
votes-field-receipt = Eich derbynneb
votes-receipt-hint = Dim ond ei hangen ar ddyfais na wnaethoch chi bleidleisio arni. All neb arall ei rhoi i chi eto.
votes-vote-button = Pleidleisio
votes-change-button = Newid fy mhleidlais
votes-no-vote = Gallwch chi ddarllen y cynnig hwn a chymryd rhan yn y drafodaeth, ond does gennych chi ddim pleidlais: dim ond aelodau presennol sy'n pleidleisio.
votes-choice-for = O blaid
votes-choice-against = Yn erbyn
votes-choice-abstain = Ymatal
votes-channel-online = ar-lein
votes-channel-assisted = gyda chymorth swyddog
votes-channel-paper = ar bapur
votes-assisted-heading = Cofnodi pleidlais â chymorth
votes-assisted-intro = Pan fo aelod yn gofyn i chi bleidleisio ar ei ran am na all bleidleisio ar-lein, cofnodwch ei bleidlais fel y mae'n dweud wrthych. Gall yr aelod ei newid ei hun wedyn.
votes-field-member = Aelod
votes-choose-member = Dewiswch aelod
votes-field-their-choice = Sut maen nhw'n pleidleisio?
votes-assisted-button = Cofnodi eu pleidlais
votes-paper-heading = Cofnodi pleidlais bapur
votes-paper-intro = Cofnodwch bob pleidlais bapur a ddaw i law cyn i'r bleidlais gau. All aelod sydd eisoes wedi pleidleisio ddim pleidleisio ar bapur hefyd.
votes-paper-button = Cofnodi'r bleidlais bapur
votes-recorded-receipt = Mae'r bleidlais wedi'i chofnodi. Pleidlais gudd yw hon: rhowch y dderbynneb hon i'r aelod, gan fod ei hangen arno i newid ei bleidlais: { $receipt }
votes-declare-heading = Cyfrif y pleidleisiau
votes-declare-button = Cyfrif y pleidleisiau a chofnodi'r canlyniad
votes-ballots-caption = Pwy sydd wedi pleidleisio, a sut y daeth pob pleidlais
votes-discussion = Trafodaeth
votes-no-comments = Does neb wedi gwneud sylw eto.
votes-field-comment = Eich sylw
votes-comment-button = Ychwanegu eich sylw
votes-refused-title = Doedd dim modd gwneud hynny
votes-back = Yn ôl i'r cynigion a'r pleidleisiau
votes-decisions-title = Cofnod penderfyniadau
votes-decisions-intro = Pob cynnig y mae ei ganlyniad wedi'i gofnodi, gyda'i gyfrif, y diweddaraf yn gyntaf.
votes-search-label = Chwilio am benderfyniadau yn ôl geiriau yn eu teitl neu eu cefndir
votes-search-button = Chwilio
votes-decisions-none = Does dim penderfyniadau wedi'u cofnodi eto.
votes-decisions-none-found = Does dim penderfyniadau'n sôn am “{ $q }”.
votes-decisions-caption = Penderfyniadau, y diweddaraf yn gyntaf
votes-decisions-caption-search = Penderfyniadau sy'n sôn am “{ $q }”
votes-error-title = Rhowch deitl i'r cynnig
votes-error-title-long = Rhaid i'r teitl fod yn 200 nod neu lai
votes-error-background-long = Rhaid i'r cefndir fod yn 10,000 nod neu lai
votes-error-rule = Dewiswch sut y penderfynir ar y cynnig
votes-error-opens = Rhowch pryd mae'r bleidlais yn agor, er enghraifft 25/11/2026 18:00
votes-error-closes = Rhowch pryd mae'r bleidlais yn cau, er enghraifft 2/12/2026 18:00
votes-error-instant = Rhowch ddyddiad ac amser fel 2026-11-25T18:00:00Z
votes-error-comment = Ysgrifennwch eich sylw
votes-error-comment-long = Rhaid i sylw fod yn 4,000 nod neu lai
votes-error-choice = Dewiswch o blaid, yn erbyn neu ymatal
votes-error-member = Dewiswch yr aelod y mae'r bleidlais yn perthyn iddo
votes-not-a-member = Dim ond aelodau presennol sy'n cael pleidleisio.
votes-class-has-no-vote = Does gan aelodau'r dosbarth hwn ddim pleidlais o dan reolau'r gydweithfa.
votes-already-voted = Mae'r aelod hwn eisoes wedi pleidleisio. Dim ond yr aelod ei hun all newid ei bleidlais.
votes-own-vote-online = Mae swyddogion yn cofnodi pleidleisiau ar ran aelodau eraill. Pleidleisiwch drosoch eich hun yn y ffurflen “Eich pleidlais”.
votes-receipt-needed = Pleidlais gudd yw hon, felly nid yw eich dewis yn cael ei gadw gyda'ch enw. I newid eich pleidlais, rhowch y dderbynneb a gawsoch chi.
votes-receipt-wrong = Dydy'r dderbynneb honno ddim yn cyfateb i'ch pleidlais. Gwiriwch hi a rhowch gynnig arall arni.
votes-not-closed = Gellir cyfrif y pleidleisiau unwaith y bydd y bleidlais wedi cau.
votes-already-decided = Mae'r canlyniad eisoes wedi'i gofnodi.
votes-discussion-ended = Mae'r canlyniad wedi'i gofnodi, felly mae'r drafodaeth wedi cau.
governance-rule-not-allowed = Mae angen penderfyniad arbennig ar gyfer y pwnc hwn (neu, ar gyfer penderfyniad cyffredinol, benderfyniad cyffredin neu arbennig). Dewiswch y rheol benderfynu honno.
governance-window-closes-before-opening = Rhaid i'r bleidlais gau ar ôl iddi agor.
governance-voting-not-open = Nid yw'r bleidlais wedi agor eto.
governance-voting-closed = Mae'r bleidlais wedi cau.
governance-online-voting-not-allowed = Nid yw rheolau'r gydweithfa'n caniatáu pleidleisio ar-lein; cynhaliwch y bleidlais mewn cyfarfod.
governance-class-has-no-vote = Does gan aelodau'r dosbarth hwn ddim pleidlais o dan reolau'r gydweithfa.
audit-record-proposal = Cynnig
audit-record-ballot = Pleidlais (byth y dewis mewn pleidlais gudd)
audit-record-proposal_comment = Sylw ar gynnig

## Ffurfio cydweithfa
formation-title = Ffurfio'r gydweithfa
formation-link = Ffurfio'r gydweithfa
formation-summary = Ar hyn o bryd: { $stage }. { $done } o { $total } o dasgau wedi'u gwneud.
formation-all-done = Mae pob tasg wedi'i gwneud: { $done } o { $total }. Mae'r gydweithfa wedi'i ffurfio.
formation-next = Nesaf: { $task }
formation-current = Nawr
formation-done = Wedi'i wneud
formation-to-do = I'w wneud
formation-who = Pwy sy'n ei wneud: { $who }
formation-task-done = Mae'r dasg hon wedi'i gwneud. Gallwch newid yr hyn a gofnodwyd.
formation-save = Cadw a nodi ei bod wedi'i gwneud
formation-back = Yn ôl i ffurfio'r gydweithfa
formation-councils = Cynghorau y mae eu Taliadau Uniongyrchol yn cael eu cronni
formation-councils-intro = Ychwanegwch bob cyngor sy'n talu Taliad Uniongyrchol i rywun yn y grŵp. Mae angen cytundeb gyda phob un cyn cronni'r taliadau.
formation-councils-waiting = Yn dal i aros am gytundeb gyda: { $councils }
formation-field-council = Enw'r cyngor
formation-add-council = Ychwanegu'r cyngor
formation-choose-council = Dewiswch gyngor
formation-error-count = Rhowch nifer y bobl fel rhif cyfan, fel 5
formation-error-money = Rhowch swm mewn punnoedd, fel 5000000
who-steering_group = Y grŵp llywio
who-each_supported_person = Pob person a fydd yn cael cymorth, neu ei gynrychiolydd
who-founder_members = Yr aelodau sefydlu
stage-idea_and_steering_group = Y syniad a grŵp llywio
stage-feasibility = A fydd yn gweithio?
stage-members_and_rules = Aelodau a rheolau
stage-registration = Cofrestru'r gymdeithas
stage-employer_set_up = Dod yn gyflogwr
stage-direct_payments_pooling = Cronni Taliadau Uniongyrchol
stage-ciw_registration = Cofrestru gydag Arolygiaeth Gofal Cymru
stage-first_general_meeting = Y cyfarfod cyffredinol cyntaf
task-first_conversations = Siarad â'r bobl a allai ymuno
task-first_conversations-help = Cyfarfod â'r bobl anabl, y teuluoedd a'r cynorthwywyr personol a allai ffurfio'r gydweithfa, ac ysgrifennu'r hyn y maent ei eisiau ganddi.
task-form_steering_group = Ffurfio grŵp llywio
task-form_steering_group-help = Mae o leiaf tri o bobl yn cytuno i arwain y gwaith tan y cyfarfod cyffredinol cyntaf.
task-learn_about_coops = Dysgu sut mae cydweithfeydd yn gweithio
task-learn_about_coops-help = Dysgu gan gydweithfeydd eraill a chynghorwyr sut mae aelodau'n berchen ar gydweithfa ac yn ei rhedeg gyda'i gilydd.
task-direct_payment_budgets = Casglu cyllideb Taliad Uniongyrchol pob person
task-direct_payment_budgets-help = Mae pob person a fydd yn cael cymorth yn nodi ei gynllun gofal a chymorth a'r hyn y mae ei Daliad Uniongyrchol ar ei gyfer.
task-ask_councils_about_pooling = Gofyn i bob cyngor am gronni
task-ask_councils_about_pooling-help = Mae pob person yn gofyn i'w gyngor a ellir cronni ei Daliad Uniongyrchol gyda rhai pobl eraill.
task-four_person_check = Gwirio'r rheol pedwar person
task-four_person_check-help = Gall cydweithfa deulu roi gofal a chymorth i ddim mwy na phedwar o bobl ar unrhyw un adeg heb gofrestru fel gwasanaeth cymorth cartref.
task-support_plan = Cynllunio'r cymorth a rennir
task-support_plan-help = Ysgrifennu pwy sy'n cael cymorth, yr oriau, y cynorthwywyr, y gyllideb a'r arian a gedwir wrth gefn.
task-agree_what_the_coop_offers = Cytuno ar yr hyn y mae'r gydweithfa'n ei gynnig
task-agree_what_the_coop_offers-help = Cytuno ar yr hyn y bydd y gydweithfa cynorthwywyr yn ei wneud i'w haelodau: cymorth gan gymheiriaid, hyfforddiant, cyflenwi a hysbysebu.
task-running_costs_budget = Cyllidebu ar gyfer costau rhedeg
task-running_costs_budget-help = Cyfrifo faint fydd y gydweithfa'n ei gostio i'w rhedeg a sut bydd aelodau'n talu amdani.
task-choose_rules = Dewis y rheolau
task-choose_rules-help = Dewis rheolau'r gydweithfa (ei dogfen lywodraethu), er enghraifft o reolau enghreifftiol Co-operatives UK.
task-agree_classes_and_voting = Cytuno ar ddosbarthiadau aelodau a phleidleisio
task-agree_classes_and_voting-help = Cytuno pwy all fod yn aelod, ym mha ddosbarthiadau, a sut mae pleidleisiau'n cael eu cyfrif.
task-admit_founder_members = Derbyn yr aelodau sefydlu
task-admit_founder_members-help = Mae o leiaf tri aelod sefydlu yn ymuno ac yn cymryd eu cyfranddaliadau.
task-register_with_fca = Cofrestru gyda'r Awdurdod Ymddygiad Ariannol
task-register_with_fca-help = Cofrestru'r gymdeithas o dan Ddeddf Cymdeithasau Cydweithredol a Chymdeithasau Budd Cymunedol 2014 a chadw ei rhif cofrestru.
task-open_bank_account = Agor cyfrif banc
task-open_bank_account-help = Agor cyfrif banc yn enw'r gydweithfa, gyda dau swyddog i lofnodi.
task-register_as_employer = Cofrestru gyda CThEF fel cyflogwr
task-register_as_employer-help = Cofrestru fel cyflogwr cyn y diwrnod cyflog cyntaf a chadw cyfeirnod TWE y cyflogwr.
task-employers_liability_insurance = Cael yswiriant atebolrwydd cyflogwr
task-employers_liability_insurance-help = Rhaid i yswiriant atebolrwydd cyflogwr gwmpasu o leiaf £5 miliwn; mae yswirwyr arbenigol ar gyfer cynorthwywyr personol hefyd yn rhoi yswiriant atebolrwydd cyhoeddus.
task-pension_scheme = Dewis cynllun pensiwn gweithle
task-pension_scheme-help = Dewis cynllun ar gyfer cofrestru awtomatig a datgan cydymffurfiaeth i'r Rheoleiddiwr Pensiynau.
task-dbs_checks = Trefnu gwiriadau DBS
task-dbs_checks-help = Mae angen gwiriad DBS manwl gyda rhestr gwahardd oedolion ar gynorthwywyr sy'n rhoi gofal personol.
task-set_up_payroll = Sefydlu'r gyflogres
task-set_up_payroll-help = Sefydlu'r gyflogres fel bod cynorthwywyr yn cael eu talu'n gywir a bod CThEF yn cael gwybod ar neu cyn pob diwrnod cyflog.
task-write_policies = Ysgrifennu'r polisïau cyflogaeth
task-write_policies-help = Ysgrifennu'r polisïau sydd eu hangen ar gyflogwr: contractau, diogelu, iechyd a diogelwch, diogelu data.
task-pooling_agreements = Cytuno ar gronni gyda phob cyngor
task-pooling_agreements-help = Cofnodi'r cytundeb ysgrifenedig gyda phob cyngor: pwy sy'n talu, pa mor aml a pha adroddiadau y mae arno eu heisiau.
task-appoint_responsible_individual = Penodi'r Unigolyn Cyfrifol
task-appoint_responsible_individual-help = Enwi'r person a fydd yn gyfrifol am y gwasanaeth i Arolygiaeth Gofal Cymru.
task-statement_of_purpose = Ysgrifennu'r datganiad o ddiben
task-statement_of_purpose-help = Ysgrifennu'r datganiad o ddiben y mae Arolygiaeth Gofal Cymru yn gofyn amdano.
task-register_with_ciw = Cofrestru gydag Arolygiaeth Gofal Cymru
task-register_with_ciw-help = Cofrestru fel gwasanaeth cymorth cartref cyn rhoi gofal a chymorth i fwy na phedwar o bobl.
task-hold_first_general_meeting = Cynnal y cyfarfod cyffredinol cyntaf
task-hold_first_general_meeting-help = Mae'r aelodau'n cyfarfod, yn mabwysiadu'r rheolau ac yn ethol y swyddogion.
evidence-date = Y dyddiad y cafodd ei wneud
evidence-document = Y ddogfen
evidence-document-hint = Ble mae'r ddogfen yn cael ei chadw, er enghraifft ffolder a rennir neu ddolen.
evidence-people_count = Nifer y bobl
evidence-fca_registration_number = Rhif cofrestru'r Awdurdod Ymddygiad Ariannol
evidence-hmrc_employer_reference = Cyfeirnod TWE y cyflogwr
evidence-hmrc_employer_reference-hint = Tri digid, blaenslaes a'r cyfeirnod, fel 123/AB45678.
evidence-insurer = Yswiriwr
evidence-policy_number = Rhif y polisi
evidence-cover_pence = Yswiriant, mewn punnoedd
evidence-cover_pence-hint = O leiaf 5000000 (£5 miliwn).
evidence-expires_on = Mae'r yswiriant yn dod i ben ar
evidence-pension_provider = Darparwr pensiwn
evidence-ciw_registration_number = Rhif cofrestru AGC
evidence-person_name = Enw
evidence-council = Cyngor
evidence-council_reference = Cyfeirnod y cyngor
governance-not-in-template = Nid yw'r dasg honno'n rhan o ffurfio cydweithfa o'r math hwn.
governance-missing-evidence = Llenwch bob rhan o'r dasg hon.
governance-wrong-value = Rhowch werth o'r math cywir yma.
governance-cover-too-low = Rhaid i yswiriant atebolrwydd cyflogwr gwmpasu o leiaf £5,000,000.
governance-too-few-people = Mae angen o leiaf tri o bobl.
governance-employer-reference-form = Rhowch gyfeirnod y cyflogwr fel tri digid, blaenslaes a'r cyfeirnod, fel 123/AB45678.
governance-unknown-council = Ychwanegwch y cyngor at y rhestr o gynghorau yn gyntaf.
governance-blank = Ni ellir gadael hwn yn wag.

audit-record-formation = Ffurfio'r gydweithfa

invite-not-sent-title = Gwahoddiad wedi'i gadw ond heb ei anfon
invite-not-sent-body = Nid oeddem yn gallu anfon y gwahoddiad drwy e-bost at { $email }, felly nid oes ganddynt ddolen i'w ddefnyddio; bydd yn dod i ben heb ei ddefnyddio. Pan fydd e-bost yn gweithio eto, gwahoddwch nhw eto.
invite-not-sent-again = Gwahodd eto
