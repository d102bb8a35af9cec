# Taflenni amser: amser pob cynorthwyydd personol ym mhob cyfnod tâl.

## Enwau'r trywydd archwilio ar gofnodion taflenni amser
audit-record-timesheet = Taflen amser
audit-record-timesheet_line = Llinell taflen amser
audit-record-timesheet_approver = Pwy sy'n cymeradwyo amser person

## Y rhestr
timesheets-title = Taflenni amser
timesheets-link = Taflenni amser
timesheets-intro = Mae taflen amser yn cofnodi'r amser a weithiodd pob cynorthwyydd personol mewn cyfnod tâl: o'r rota, neu wedi'i roi â llaw. Mae'r cynorthwyydd yn ei chadarnhau neu'n ei chywiro, a'r person yr oedd yr amser ar ei gyfer yn ei chymeradwyo. Ni ellir newid amser sydd wedi'i gymeradwyo; addasiad yw cywiriad diweddarach, wedi'i gymeradwyo yn yr un ffordd.
timesheets-yours-heading = Eich taflenni amser
timesheets-yours-link = Eich taflen amser ar gyfer y cyfnod tâl hwn
timesheets-to-approve-heading = Amser i'w gymeradwyo
timesheets-to-approve-none = Does dim amser yn aros i chi ei gymeradwyo.
timesheets-to-approve-caption = Taflenni amser ag amser yn aros am eich cymeradwyaeth
timesheets-pas-heading = Taflen amser pob cynorthwyydd ar gyfer y cyfnod tâl hwn
timesheets-pas-none = Dydy'r gydweithfa ddim yn cyflogi cynorthwywyr personol eto.
timesheets-all-heading = Taflenni amser hyd yma
timesheets-all-caption = Pob taflen amser y gallwch ei gweld, y ddiweddaraf yn gyntaf
timesheets-col-pa = Cynorthwyydd
timesheets-col-period = Cyfnod tâl
timesheets-col-waiting = Llinellau'n aros amdanoch
timesheets-col-state = Ble mae pethau
timesheets-col-hours = Oriau
timesheets-approvers-heading = Pwy sy'n cymeradwyo'r amser
timesheets-approvers-intro = Y person yr oedd yr amser ar ei gyfer sy'n ei gymeradwyo, neu ei gynrychiolydd. Gallan nhw ddewis y cydlynydd yn lle hynny.
timesheets-approver-legend = Pwy sy'n cymeradwyo'r amser gyda { $name }
timesheets-approver-person = { $name } neu ei gynrychiolydd
timesheets-approver-coordinator = Y cydlynydd
timesheets-approver-officers-only = Does neb yn mewngofnodi ar ran y person hwn, felly'r cydlynydd sy'n cymeradwyo ei amser.
timesheets-approver-button = Cadw pwy sy'n cymeradwyo ar gyfer { $name }
timesheets-period = Cyfnod tâl { $from }

## Un daflen amser
timesheets-sheet-title = Taflen amser
timesheets-sheet-heading = Taflen amser: { $name }
timesheets-periods-nav = Cyfnodau tâl
timesheets-previous = Y cyfnod tâl blaenorol
timesheets-next = Y cyfnod tâl nesaf
timesheets-own-intro = Gwiriwch bob llinell. Cadarnhewch y llinellau sy'n gywir; cywirwch unrhyw rai sydd ddim, gan ddweud pam.
timesheets-lines-heading = Yr amser
timesheets-no-lines = Does dim amser wedi'i gofnodi yn y cyfnod tâl hwn eto.
timesheets-lines-caption = Amser yn y cyfnod tâl hwn ({ $total } awr wedi'u cyfrif)
timesheets-col-day = Diwrnod
timesheets-col-start = Dechrau
timesheets-col-end = Gorffen
timesheets-col-break = Egwyl (munudau)
timesheets-col-kind = Math
timesheets-col-for = Ar gyfer
timesheets-approved-by-them = wedi'i gymeradwyo
timesheets-note-original = Cyn ei gywiro: { $figures }
timesheets-note-reason = Pam: { $reason }
timesheets-note-adjustment = Addasiad i linell a gymeradwywyd
timesheets-note-replaced = Addasiad wedi cymryd ei lle
timesheets-note-adjustment-waits = Mae addasiad i'r llinell hon yn aros am gymeradwyaeth
timesheets-note-woken = Yn effro ac yn gweithio am { $minutes } munud
timesheets-correct-link = Cywiro'r llinell hon
timesheets-adjust-link = Addasu'r llinell hon
timesheets-confirm-heading = Cadarnhau eich amser
timesheets-confirm-intro =
    { $count ->
        [one] Mae un llinell yn aros i chi ei chadarnhau.
       *[other] Mae { $count } llinell yn aros i chi eu cadarnhau.
    }
timesheets-confirm-button = Cadarnhau'r amserau hyn
timesheets-approve-heading = Cymeradwyo'r amser
timesheets-approve-intro = Cymeradwywch yr amser pan fydd yn gywir. Ar ôl ei gymeradwyo, ni ellir ei newid.
timesheets-approve-button = Cymeradwyo'r amser gyda { $name }
timesheets-add-heading = Ychwanegu amser
timesheets-build-intro = Dewch â'r shifftiau a weithiodd y cynorthwyydd hwn ar y rota yn y cyfnod tâl hwn. Ni chaiff shifft sydd eisoes ar y daflen amser ei hychwanegu ddwywaith.
timesheets-build-button = Dod â'r shifftiau o'r rota
timesheets-add-link = Ychwanegu amser nad oedd ar y rota
timesheets-back-to-list = Yn ôl i'r taflenni amser
timesheets-back-to-sheet = Yn ôl i'r daflen amser

## Cyflyrau
timesheets-state-empty = Dim wedi'i gofnodi
timesheets-state-to-confirm = Yn aros am y cynorthwyydd
timesheets-state-to-approve = Yn aros am gymeradwyaeth
timesheets-state-locked = Wedi'i chymeradwyo a'i chloi
timesheets-line-to-confirm = I'w gadarnhau
timesheets-line-to-approve = I'w gymeradwyo
timesheets-line-approved = Wedi'i gymeradwyo

## Mathau o amser
timesheets-kind-day = Dydd
timesheets-kind-night = Nos
timesheets-kind-sleep_in = Cysgu i mewn
timesheets-kind-waking_night = Noson effro
timesheets-kind-holiday = Gwyliau
timesheets-kind-sickness = Salwch

## Ychwanegu a newid llinell
timesheets-add-title = Ychwanegu amser
timesheets-add-intro = Amser nad oedd ar y rota. Dywedwch pryd y dechreuodd ac y gorffennodd, unrhyw egwyl, ac ar gyfer pwy yr oedd.
timesheets-add-button = Ychwanegu'r amser
timesheets-correct-title = Cywiro llinell
timesheets-correct-intro = Rhowch y ffigurau cywir a dweud pam. Mae'r ffigurau cyn eich cywiriad yn cael eu cadw.
timesheets-correct-button = Cadw'r cywiriad
timesheets-adjust-title = Addasu llinell a gymeradwywyd
timesheets-adjust-intro = Mae'r llinell hon wedi'i chymeradwyo, felly ni ellir ei newid. Bydd addasiad yn cymryd ei lle unwaith y caiff ei gymeradwyo yn yr un ffordd.
timesheets-adjust-button = Gwneud yr addasiad
timesheets-field-start = Dechrau
timesheets-field-end = Gorffen
timesheets-hint-time = Y dyddiad a'r amser, er enghraifft 10/06/2026 09:00
timesheets-field-break = Egwyl, mewn munudau
timesheets-hint-minutes = Munudau cyfan; gadewch yn wag os nad oedd un
timesheets-field-kind = Math o amser
timesheets-field-woken = Ar noson cysgu i mewn, munudau'n effro ac yn gweithio
timesheets-hint-woken = Munudau cyfan; gadewch yn wag os dim
timesheets-field-people = Ar gyfer pwy yr oedd yr amser
timesheets-field-reason = Pam mae'r ffigurau'n newid

## Problemau gyda'r hyn a deipiwyd
timesheets-enter-start = Rhowch pryd y dechreuodd yr amser
timesheets-enter-end = Rhowch pryd y gorffennodd yr amser
timesheets-problem-time-format = Rhowch ddyddiad ac amser, fel 10/06/2026 09:00
timesheets-problem-not-minutes = Rhowch funudau cyfan, fel 30
timesheets-choose-kind = Dewiswch y math o amser
timesheets-choose-person = Dewiswch amser pwy i'w gymeradwyo
timesheets-choose-approver = Dewiswch pwy sy'n cymeradwyo'r amser
timesheets-problem-end-not-after-start = Rhaid i'r diwedd fod ar ôl y dechrau
timesheets-problem-too-long = Gall llinell fod yn 72 awr o hyd ar y mwyaf
timesheets-problem-clocks-go-forward = Ni ddigwyddodd yr amser hwnnw: aeth y clociau ymlaen drosto
timesheets-problem-bad-break = Ni all yr egwyl fod yn hirach na'r amser
timesheets-problem-bad-woken = Dim ond ar noson cysgu i mewn y cofnodir munudau'n effro, ac ni allant fod yn hirach na hi
timesheets-problem-in-future = Mae taflen amser yn cofnodi amser a weithiwyd eisoes: rhaid i'r diwedd beidio â bod yn y dyfodol
timesheets-problem-outside-period = Rhaid i'r dechrau fod yn y cyfnod tâl hwn
timesheets-problem-no-people = Dewiswch ar gyfer pwy yr oedd yr amser
timesheets-problem-not-their-person = Dewiswch rywun y mae'r cynorthwyydd hwn yn gweithio gyda nhw
timesheets-problem-no-reason = Dywedwch pam mae'r ffigurau'n newid
timesheets-problem-reason-too-long = Rhaid i'r rheswm fod yn 500 nod neu lai
timesheets-problem-unchanged = Mae'r ffigurau yr un fath ag o'r blaen: newidiwch nhw, neu ewch yn ôl

## Gwrthodiadau
timesheets-invalid = Doedd rhywbeth a deipiwyd ddim yn iawn.
timesheets-not-the-pa = Dim ond y cynorthwyydd sy'n cadarnhau neu'n cywiro ei amser ei hun.
timesheets-locked = Mae'r amser hwn wedi'i gymeradwyo, felly ni ellir ei newid. Gwnewch addasiad yn lle hynny.
timesheets-not-approved-yet = Dim ond amser a gymeradwywyd sy'n cael ei addasu. Cywirwch y llinell hon yn lle hynny.
timesheets-already-adjusted = Mae addasiad i'r llinell hon eisoes.
timesheets-own-time = Does neb yn cymeradwyo ei amser ei hun, pa swydd bynnag sydd ganddo.
timesheets-not-approver = Y person yr oedd yr amser ar ei gyfer sy'n ei gymeradwyo, ei gynrychiolydd, neu'r cydlynydd os mai dyna a ddewisodd.
timesheets-not-their-choice = Dim ond y person, neu ei gynrychiolydd, sy'n dewis pwy sy'n cymeradwyo ei amser.
timesheets-nothing-to-confirm = Does dim yn aros i chi ei gadarnhau.
timesheets-nothing-to-approve = Does dim yn aros am eich cymeradwyaeth. Efallai nad yw'r cynorthwyydd wedi'i gadarnhau eto.
timesheets-choose-line = Dewiswch y llinell i'w newid
