# meetings: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/meetings.ftl.ftl.

## Rhestr y cyfarfodydd
meetings-link = Cyfarfodydd
meetings-title = Cyfarfodydd
meetings-intro = Cyfarfodydd cyffredinol, y cyfarfod cyffredinol blynyddol (CCB) a chyfarfodydd y pwyllgor: y rhybudd, pwy ddaeth, y pleidleisiau a'r cofnodion.
meetings-agm-heading = Y CCB nesaf
meetings-agm-due = Rhaid cynnal y CCB nesaf erbyn { $date }.
meetings-agm-days-left = Dyddiau ar ôl: { $count }.
meetings-agm-overdue = Mae'r CCB yn hwyr: dylai fod wedi'i gynnal erbyn { $date }. Trefnwch ef nawr.
meetings-agm-reason-first_after_registration = Mae'r CCB cyntaf i'w gynnal o fewn { $months } mis i gofrestru.
meetings-agm-reason-months_since_last = Mae pob CCB i'w gynnal o fewn { $months } mis i'r un diwethaf.
meetings-agm-reason-calendar_year = Mae'r rheolau'n gofyn am CCB ym mhob blwyddyn galendr.
meetings-agm-no-registration = Does dim dyddiad cofrestru wedi'i gofnodi eto. Cofnodwch y cofrestru gyda'r FCA dan sefydlu'r gydweithfa, a bydd y dyddiad y mae'r CCB cyntaf yn ddyledus yn ymddangos yma.
meetings-upcoming = Cyfarfodydd i ddod
meetings-past = Cyfarfodydd a fu
meetings-none-upcoming = Does dim cyfarfodydd wedi'u trefnu.
meetings-none-past = Does dim cyfarfodydd wedi'u cynnal eto.
meetings-col-meeting = Cyfarfod
meetings-col-date = Dyddiad
meetings-col-status = Statws
meetings-kind-annual_general = Cyfarfod cyffredinol blynyddol (CCB)
meetings-kind-general = Cyfarfod cyffredinol
meetings-kind-committee = Cyfarfod pwyllgor
meetings-kind-annual_general-hint = Mae pob aelod yn cael rhybudd. Fe'i cynhelir bob blwyddyn, i dderbyn y cyfrifon ac ethol y pwyllgor.
meetings-kind-general-hint = Mae pob aelod yn cael rhybudd, ar gyfer penderfyniadau na allan nhw aros am y CCB.
meetings-kind-committee-hint = Mae pob swyddog yn cael rhybudd.
meetings-state-scheduled = Wedi'i drefnu; rhybudd heb ei anfon eto
meetings-state-notice_sent = Rhybudd wedi'i anfon
meetings-state-held = Wedi'i gynnal
meetings-state-minutes_drafted = Cofnodion drafft
meetings-state-minutes_approved = Cofnodion wedi'u cymeradwyo
meetings-state-locked = Cofnodion wedi'u cymeradwyo a'u cloi
meetings-state-cancelled = Wedi'i ganslo

## Trefnu cyfarfod
meetings-schedule = Trefnu cyfarfod
meetings-field-kind = Math o gyfarfod
meetings-field-date = Dyddiad
meetings-date-hint = Er enghraifft, 2026-06-20.
meetings-field-time = Amser dechrau
meetings-time-hint = Yr amser yng Nghymru, er enghraifft 19:00.
meetings-field-place = Ble
meetings-place-hint = Cyfeiriad, neu'r ddolen i ymuno ar-lein.
meetings-field-agenda = Agenda
meetings-agenda-hint = Un eitem ar bob llinell: beth fydd y cyfarfod yn ei drafod a'i benderfynu.
meetings-field-proposals = Cynigion i'w penderfynu yn y cyfarfod
meetings-proposals-hint = Caiff pleidleisiau a roddir yn y cyfarfod eu cyfrif gyda'r rhai a fwriwyd ar-lein.
meetings-schedule-button = Trefnu'r cyfarfod
meetings-error-kind = Dewiswch y math o gyfarfod.
meetings-error-date = Rhowch ddyddiad y cyfarfod, fel 2026-06-20.
meetings-error-date-past = Rhaid i'r cyfarfod fod heddiw neu'n hwyrach.
meetings-error-time = Rhowch yr amser dechrau, fel 19:00.
meetings-error-place = Rhowch ble mae'r cyfarfod, neu'r ddolen i ymuno.
meetings-error-place-long = Byrhewch ble mae'r cyfarfod i 500 nod neu lai.
meetings-error-agenda = Rhowch o leiaf un eitem ar yr agenda, neu dewiswch gynnig i'w benderfynu.
meetings-error-agenda-long = Byrhewch yr agenda i 5,000 nod neu lai.
meetings-error-proposal = Dewiswch gynigion o'r rhestr: dim ond cynigion sydd heb eu penderfynu y gellir eu dwyn i gyfarfod.

## Un cyfarfod
meetings-back = Pob cyfarfod
meetings-dt-kind = Math
meetings-dt-when = Pryd
meetings-dt-place = Ble
meetings-dt-status = Statws
meetings-when = { $date } am { $time }
meetings-scheduled-by = Trefnwyd gan { $name }.
meetings-agenda-heading = Agenda
meetings-agenda-proposal = I'w benderfynu: { $title }
meetings-refused-title = Does dim modd gwneud hyn
meetings-done = Wedi'i gadw.

## Rhybudd
meetings-notice-heading = Rhybudd
meetings-notice-rule = Mae'r rheolau'n gofyn am rybudd o { $days } diwrnod clir: dydy'r diwrnod y caiff ei anfon na diwrnod y cyfarfod ddim yn cyfrif.
meetings-notice-latest = I roi rhybudd llawn, anfonwch ef erbyn { $date }.
meetings-notice-sent = Anfonwyd y rhybudd ar { $date }, gan roi { $clear } diwrnod clir.
meetings-notice-by-consent = Roedd y rhybudd yn fyrrach nag y mae'r rheolau'n ei ofyn, gyda chytundeb ysgrifenedig digon o'r aelodau.
meetings-notice-caption = Pwy gafodd rybudd
meetings-col-language = Iaith
meetings-language-en = Saesneg
meetings-language-cy = Cymraeg
meetings-entitled = Pobl sydd â hawl i rybudd: { $count }.
meetings-notice-intro = Mae anfon rhybudd yn e-bostio pawb sydd â hawl iddo, pob un yn ei iaith ei hun, gyda'r dyddiad, yr amser, y lle a'r agenda.
meetings-field-consent = Aelodau a gytunodd yn ysgrifenedig i rybudd byrrach
meetings-consent-hint = Dim ond os yw'r rhybudd yn fyrrach nag y mae'r rheolau'n ei ofyn: faint o aelodau sydd wedi cytuno yn ysgrifenedig. Gadewch yn wag fel arall.
meetings-send-notice-button = Anfon rhybudd
meetings-notice-done = Mae'r rhybudd ar ei ffordd at bawb sydd â hawl iddo.
meetings-notice-failed = Mae'r rhybudd wedi'i gofnodi, ond methwyd ag anfon yr e-bost at { $names }. Rhowch rybudd iddyn nhw mewn ffordd arall.
meetings-error-consent = Rhowch nifer yr aelodau a gytunodd, fel rhif cyfan, neu gadewch yn wag.

## Pam y gwrthodwyd cam
meetings-error-notice-too-short = Mae rhybudd a anfonir ar { $sent } yn rhoi { $clear } diwrnod clir, ond mae'r rheolau'n gofyn am { $required }. Cynhaliwch y cyfarfod ar { $earliest } neu wedyn, neu cofnodwch faint o aelodau a gytunodd yn ysgrifenedig i rybudd byrrach.
meetings-error-invalid-step = Dydy'r cyfarfod ddim ar y cam hwnnw. Gwelwch beth sy'n dod nesaf ar y dudalen hon.
meetings-error-no-agenda = Rhaid i'r rhybudd gynnwys yr agenda. Ychwanegwch eitem ar yr agenda yn gyntaf.
meetings-error-not-everyone-notified = Rhaid i'r rhybudd fynd at bawb sydd â hawl iddo.
meetings-error-held-on-another-day = Caiff cyfarfod ei gofnodi fel un a gynhaliwyd ar ei ddiwrnod ei hun.
meetings-error-approved-too-early = Caiff cofnodion eu cymeradwyo mewn cyfarfod a gynhelir ar ôl yr un y maen nhw'n ei gofnodi.
meetings-error-approved-at-same-meeting = Does dim modd cymeradwyo cofnodion yn y cyfarfod y maen nhw'n ei gofnodi. Cymeradwywch nhw yn yr un nesaf.
meetings-error-approved-by-another-body = Mae'r pwyllgor yn cymeradwyo ei gofnodion ei hun, a'r aelodau mewn cyfarfod cyffredinol yn cymeradwyo eu rhai nhw.
meetings-error-not-quorate = Does gan y cyfarfod ddim cworwm, felly all e ddim gwneud penderfyniad. Cofnodwch pwy sydd wedi cyrraedd yn gyntaf.
meetings-error-consent-only-general = Dim ond cyfarfod cyffredinol y gellir ei gynnal ar rybudd byrrach drwy gytundeb yr aelodau. Dewiswch ddyddiad hwyrach.
meetings-error-more-agreeing = All mwy o aelodau ddim cytuno nag sydd â hawl i rybudd. Gwiriwch y nifer.
meetings-error-date-out-of-range = Mae'r dyddiad hwnnw y tu hwnt i'r calendr y gall Cylch gyfrif ynddo.
meetings-error-proxies-not-allowed = Dydy'r rheolau ddim yn caniatáu dirprwyon yma: mae aelodau'r pwyllgor yn dod yn bersonol, a dim ond lle mae'r rheolau'n caniatáu y ceir dirprwyon mewn cyfarfodydd cyffredinol.
meetings-error-too-many-proxies = Mae un aelod yn dal mwy o ddirprwyon nag y mae'r rheolau'n ei ganiatáu. Dewiswch ddeiliad arall i rai ohonyn nhw.
meetings-error-own-proxy = All aelod ddim bod yn ddirprwy iddo'i hun.
meetings-error-duplicate-voter = Caiff pob person ei gofnodi unwaith.
meetings-error-other = Doedd dim modd gwneud hynny. Gwiriwch y cyfarfod a rhowch gynnig arall arni.
meetings-not-entitled = Dim ond pobl a gafodd rybudd o'r cyfarfod sy'n cael eu cofnodi'n bresennol.
meetings-attendance-closed = Caiff presenoldeb ei gofnodi unwaith y bydd y rhybudd wedi mynd, nes bydd y cofnodion wedi'u drafftio.
meetings-holder-not-present = Rhaid i ddeiliad dirprwy fod yn y cyfarfod yn bersonol. Cofnodwch ei fod yn bresennol yn gyntaf.
meetings-unknown-proposal = Dewiswch gynigion o'r rhestr: dim ond cynigion sydd heb eu penderfynu y gellir eu dwyn i gyfarfod.
meetings-proposal-not-on-agenda = Dydy'r cynnig hwnnw ddim i'w benderfynu yn y cyfarfod hwn.
meetings-nobody-entitled = Does neb â hawl i rybudd o'r cyfarfod hwn eto: mae angen aelodau ar gyfarfod cyffredinol, a swyddogion ar gyfarfod pwyllgor.

## Presenoldeb a chworwm
meetings-attendance-heading = Pwy ddaeth
meetings-attendance-intro = Cofnodwch pwy sy'n bresennol, pwy anfonodd ymddiheuriadau, pwy oedd yn absennol a phwy oedd yn cael ei gynrychioli gan ddirprwy. Caiff y cworwm ei gyfrifo eto bob tro y byddwch yn cadw.
meetings-attendance-before-notice = Caiff presenoldeb ei gofnodi unwaith y bydd y rhybudd wedi'i anfon.
meetings-attendance-caption = Presenoldeb
meetings-col-attendance = Presenoldeb
meetings-mark-none = Heb ei gofnodi
meetings-mark-present = Yn bresennol
meetings-mark-apologies = Wedi anfon ymddiheuriadau
meetings-mark-absent = Yn absennol
meetings-mark-proxy = Drwy ddirprwy: { $name }
meetings-attendance-button = Cadw'r presenoldeb
meetings-quorum-heading = Cworwm
meetings-quorum-line = Wedi'u cyfrif: { $present } ({ $in_person } yn bresennol, { $by_proxy } drwy ddirprwy). Ymddiheuriadau: { $apologies }. Angen: { $required } o'r { $entitled } sydd â hawl.
meetings-quorate = Mae gan y cyfarfod gworwm.
meetings-not-quorate = Does gan y cyfarfod ddim cworwm: all e ddim gwneud penderfyniad.
meetings-quorum-none = Caiff y cworwm ei gyfrifo unwaith y bydd y rhybudd wedi'i anfon a'r presenoldeb wedi'i gofnodi.

## Cynnal y cyfarfod
meetings-hold-heading = Agor y cyfarfod
meetings-hold-intro = Ar y diwrnod, unwaith y bydd y presenoldeb wedi'i gofnodi, cofnodwch fod y cyfarfod wedi'i gynnal. Caiff ei gworwm ei gadw gyda'r cofnod.
meetings-hold-button = Cofnodi bod y cyfarfod wedi'i gynnal
meetings-hold-not-today = Gellir cofnodi bod y cyfarfod wedi'i gynnal ar ei ddiwrnod, { $date }.

## Pleidleisiau yn y cyfarfod
meetings-votes-heading = Pleidleisiau yn y cyfarfod
meetings-votes-intro = Rhowch bob pleidlais a roddir yn y cyfarfod. Caiff ei chyfrif gyda'r pleidleisiau a fwriwyd ar-lein, ac mae gan bob aelod un bleidlais sut bynnag y mae'n ei rhoi.
meetings-votes-wait = Caiff pleidleisiau eu cymryd unwaith y bydd y cyfarfod wedi'i gynnal a bod ganddo gworwm.
meetings-votes-proposal-link = Gweld y cynnig, ei bleidleisiau hyd yma a'i ganlyniad
meetings-field-proposal = Cynnig
meetings-field-member = Aelod
meetings-choose-member = Dewiswch aelod
meetings-field-choice = Eu pleidlais
meetings-vote-button = Cofnodi'r bleidlais
meetings-error-vote-proposal = Dewiswch y cynnig y mae'r bleidlais arno.
meetings-error-member = Dewiswch yr aelod a bleidleisiodd.
meetings-error-choice = Dewiswch sut y gwnaethon nhw bleidleisio.
meetings-vote-recorded = Mae'r bleidlais wedi'i chofnodi.

## Cofnodion
meetings-minutes-heading = Cofnodion
meetings-minutes-none = Does dim cofnodion wedi'u drafftio eto.
meetings-field-minutes = Cofnodion drafft
meetings-minutes-hint = Beth a drafodwyd ac a benderfynwyd. Gall y drafft newid nes caiff ei gymeradwyo yn y cyfarfod nesaf.
meetings-minutes-button = Cadw'r cofnodion drafft
meetings-error-minutes = Ysgrifennwch y cofnodion cyn eu cadw.
meetings-error-minutes-long = Byrhewch y cofnodion i 50,000 nod neu lai.
meetings-minutes-draft = Drafft yw'r cofnodion hyn nes cân nhw eu cymeradwyo yn y cyfarfod nesaf.
meetings-minutes-approved = Cymeradwywyd y cofnodion hyn yn y cyfarfod ar { $date }.
meetings-minutes-locked = Cymeradwywyd y cofnodion hyn yn y cyfarfod ar { $date } ac maen nhw wedi'u cloi: allan nhw ddim newid.
meetings-approve-heading = Cymeradwyo cofnodion cyfarfod cynharach
meetings-approve-intro = Tra bo gan y cyfarfod hwn gworwm, gall gymeradwyo cofnodion cyfarfod cynharach o'r un corff.
meetings-field-earlier = Y cyfarfod y caiff ei gofnodion eu cymeradwyo
meetings-approve-button = Cymeradwyo'r cofnodion hyn
meetings-error-earlier = Dewiswch y cyfarfod y caiff ei gofnodion eu cymeradwyo.
meetings-lock-heading = Cloi'r cofnodion
meetings-lock-intro = Unwaith y byddan nhw wedi'u cloi, all y cofnodion a'r cofnod o bwy ddaeth byth newid.
meetings-lock-button = Cloi'r cofnodion
meetings-cancel-heading = Canslo'r cyfarfod
meetings-cancel-intro = Mae canslo cyfarfod yn cadw ei gofnod. Rhowch wybod i bawb a gafodd rybudd.
meetings-cancel-button = Canslo'r cyfarfod hwn

## E-bost y rhybudd
meetings-email-subject = Rhybudd o gyfarfod: { $coop }, { $date }
meetings-email-body =
    Helo { $name },

    Dyma rybudd o gyfarfod o { $coop }.

    { $kind }
    Pryd: { $date } am { $time }
    Ble: { $place }

    Agenda:
    { $agenda }

    Tudalen y cyfarfod, gyda'i agenda ac yn nes ymlaen ei gofnodion: { $link }

    Os na allwch ddod, anfonwch eich ymddiheuriadau at yr ysgrifennydd, os gwelwch yn dda.
audit-record-meeting = Cyfarfod
audit-record-meeting_attendance = Presenoldeb mewn cyfarfod
