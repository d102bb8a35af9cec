# governance: y negeseuon Cymraeg. Mae gan bob id yma efaill Saesneg yn ../en/governance.ftl.ftl.

## Dirprwyon ar gynnig
votes-channel-proxy = drwy ddirprwy
votes-proxy-heading = Pleidleisio drwy ddirprwy
votes-proxy-intro = Os na allwch bleidleisio eich hun, gallwch enwi aelod arall i bleidleisio ar eich rhan ar y cynnig hwn. Gallwch ei dynnu'n ôl, neu bleidleisio eich hun, nes bydd y bleidlais yn cau: mae eich pleidlais eich hun yn cymryd lle eu pleidlais nhw.
votes-field-proxy = Aelod i bleidleisio ar eich rhan
votes-proxy-button = Enwi fy nirprwy
votes-proxy-named = Rydych wedi enwi { $name } i bleidleisio ar eich rhan ar y cynnig hwn. Os byddwch yn pleidleisio eich hun, bydd eich pleidlais yn cymryd lle eu pleidlais nhw.
votes-proxy-revoke-button = Tynnu fy nirprwy yn ôl
votes-proxy-not-now = Rydych wedi pleidleisio, felly nid oes angen dirprwy arnoch ar y cynnig hwn.
votes-held-heading = Pleidleisiau sydd gennych fel dirprwy
votes-held-voted = Mae pleidlais { $name } i mewn.
votes-field-held = Aelod rydych yn pleidleisio ar ei ran
votes-held-button = Cofnodi eu pleidlais
votes-proxies-not-allowed = Nid yw rheolau eich cwmni cydweithredol yn caniatáu pleidleisio drwy ddirprwy. Gallwch ofyn i swyddog gofnodi eich pleidlais ar eich rhan yn lle hynny.
votes-own-proxy = Ni allwch eich enwi eich hun yn ddirprwy. Dewiswch aelod arall.
votes-proxy-holder-cannot-vote = Dewiswch aelod presennol sydd â phleidlais o dan y rheolau.
votes-too-many-proxies = Mae gan yr aelod hwnnw eisoes gymaint o ddirprwyon ag y mae'r rheolau'n ei ganiatáu ar y cynnig hwn. Dewiswch rywun arall.
votes-no-proxy = Nid oes gennych ddirprwy'r aelod hwn ar y cynnig hwn, neu maen nhw wedi'i dynnu'n ôl.

## Y rheolau
rules-title = Ein rheolau
rules-back = Yn ôl i'r cwmni cydweithredol
rules-intro = Y rheolau yw dogfen lywodraethu'r cwmni cydweithredol. Maen nhw'n dweud pwy sy'n pleidleisio, faint sy'n gorfod bod mewn cyfarfod, faint o rybudd y mae aelodau'n ei gael a pha fwyafrif sydd ei angen ar benderfyniad. Mae Cylch yn cyfrif pob pleidlais a chyfarfod yn ôl y rheolau sydd mewn grym.
rules-in-force = Y rheolau sydd mewn grym
rules-model = Does dim rheolau wedi'u cofnodi eto, felly mae Cylch yn defnyddio rheolau enghreifftiol Co-operatives UK.
rules-history = Sut mae'r rheolau wedi newid
rules-col-version = Fersiwn
rules-col-adopted = Mewn grym o
rules-col-how = Sut
rules-as-registered = Y rheolau fel y'u cofrestrwyd
rules-by-resolution = Newidiwyd drwy benderfyniad arbennig
rules-setting-voting = Pleidleisiau
rules-voting-ommv = Un aelod, un bleidlais
rules-voting-capped = Un aelod, un bleidlais, gyda therfyn ar rai dosbarthiadau
rules-voting-weighted = Mae gan bob dosbarth o aelodau gyfran benodol o'r bleidlais
rules-setting-general-quorum = Cworwm cyfarfod cyffredinol
rules-setting-committee-quorum = Cworwm cyfarfod pwyllgor
rules-quorum-value = { $members } aelod neu { $percent }% o'r aelodau, pa un bynnag sydd fwyaf
rules-setting-general-notice = Rhybudd o gyfarfod cyffredinol
rules-setting-committee-notice = Rhybudd o gyfarfod pwyllgor
rules-days-value = { $days } diwrnod clir
rules-setting-short-notice = Mae rhybudd byrrach angen cytundeb ysgrifenedig
rules-percent-value = { $percent }% o'r pleidleisiau
rules-setting-ordinary = Penderfyniad cyffredin
rules-ordinary-value = Mwy na hanner y pleidleisiau a fwriwyd; mae gêm gyfartal yn methu
rules-setting-special = Penderfyniad arbennig
rules-setting-proxies = Pleidleisio drwy ddirprwy
rules-proxies-value = Caniateir, { $max } ar y mwyaf i un aelod
rules-setting-online = Pleidleisio ar-lein
rules-setting-secret = Mae pob pleidlais yn bleidlais gudd
rules-setting-written = Mae penderfyniad ysgrifenedig yn dod i ben ar ôl
rules-yes = Ydy
rules-no = Nac ydy
rules-record-heading = Cofnodi'r rheolau fel y'u cofrestrwyd
rules-record-intro = Rhowch y gosodiadau yn y rheolau a gofrestrodd eich cwmni cydweithredol. Rydych yn eu cofnodi unwaith: ar ôl hynny, dim ond penderfyniad arbennig gan yr aelodau all eu newid.
rules-field-adopted = Mewn grym o
rules-record-button = Cofnodi'r rheolau
rules-propose-heading = Cynnig newid i'r rheolau
rules-propose-intro = Penderfynir ar newid i'r rheolau drwy benderfyniad arbennig. Newidiwch y gosodiadau isod; mae'r cynnig yn dangos i'r aelodau beth fyddai'n newid, a daw'r rheolau newydd i rym os caiff ei basio.
rules-field-why = Pam mae angen y newid
rules-propose-button = Cynnig y newid
rules-field-general-quorum-members = Cworwm cyfarfod cyffredinol: o leiaf hyn o aelodau
rules-field-general-quorum-percent = Cworwm cyfarfod cyffredinol: neu'r ganran hon o'r aelodau, os yw'n fwy
rules-field-committee-quorum-members = Cworwm cyfarfod pwyllgor: o leiaf hyn o aelodau
rules-field-committee-quorum-percent = Cworwm cyfarfod pwyllgor: neu'r ganran hon o'r pwyllgor, os yw'n fwy
rules-field-general-notice = Diwrnodau clir o rybudd o gyfarfod cyffredinol
rules-field-committee-notice = Diwrnodau clir o rybudd o gyfarfod pwyllgor
rules-field-short-notice = Canran y pleidleisiau y mae eu cytundeb ysgrifenedig yn caniatáu rhybudd byrrach
rules-field-special = Canran y pleidleisiau a fwriwyd sydd ei hangen ar benderfyniad arbennig
rules-field-proxies = A all aelodau bleidleisio drwy ddirprwy?
rules-field-proxies-max = Y nifer fwyaf o ddirprwyon y caiff un aelod eu dal
rules-field-online = A all aelodau bleidleisio ar-lein?
rules-field-secret = Ydy pob pleidlais yn bleidlais gudd?
rules-field-written = Diwrnodau cyn i benderfyniad ysgrifenedig ddod i ben
rules-hint-members = Rhif cyfan, 1 neu fwy.
rules-hint-percent = Rhif cyfan o 0 i 100.
rules-hint-days = Nifer cyfan o ddiwrnodau.
rules-hint-majority = Rhif cyfan o 51 i 100.
rules-hint-proxies-max = Rhif cyfan; o leiaf 1 os caniateir dirprwyon.
rules-error-date = Rhowch y dyddiad y daeth y rheolau i rym, er enghraifft 2026-04-01
rules-already-recorded = Mae'r rheolau fel y'u cofrestrwyd wedi'u cofnodi eisoes. Cynigiwch newid yn lle hynny: mae angen penderfyniad arbennig.
rules-unchanged = Y gosodiadau yw'r rheolau sydd mewn grym. Newidiwch o leiaf un i gynnig newid.
rules-link = Ein rheolau, a sut i'w newid
rules-error-general_quorum_members = Rhowch y nifer lleiaf o aelodau sy'n gwneud cyfarfod cyffredinol yn gworwm, fel rhif cyfan o 1
rules-error-general_quorum_percent = Rhowch ganran yr aelodau sy'n gwneud cyfarfod cyffredinol yn gworwm, rhif cyfan o 0 i 100
rules-error-committee_quorum_members = Rhowch y nifer lleiaf o aelodau'r pwyllgor sy'n gwneud cyfarfod pwyllgor yn gworwm, fel rhif cyfan o 1
rules-error-committee_quorum_percent = Rhowch ganran y pwyllgor sy'n gwneud cyfarfod pwyllgor yn gworwm, rhif cyfan o 0 i 100
rules-error-general_notice_days = Rhowch nifer y diwrnodau clir o rybudd o gyfarfod cyffredinol, fel rhif cyfan
rules-error-committee_notice_days = Rhowch nifer y diwrnodau clir o rybudd o gyfarfod pwyllgor, fel rhif cyfan
rules-error-short_notice_percent = Rhowch ganran y pleidleisiau a all gytuno i rybudd byrrach, rhif cyfan o 51 i 100
rules-error-special_percent = Rhowch ganran y pleidleisiau a fwriwyd sydd ei hangen ar benderfyniad arbennig, rhif cyfan o 51 i 100
rules-error-proxies_max = Rhowch y nifer fwyaf o ddirprwyon y caiff un aelod eu dal, fel rhif cyfan
rules-error-written_days = Rhowch nifer y diwrnodau cyn i benderfyniad ysgrifenedig ddod i ben, fel rhif cyfan o 1
rules-error-proxies_allowed = Dewiswch a all aelodau bleidleisio drwy ddirprwy
rules-error-online_voting = Dewiswch a all aelodau bleidleisio ar-lein
rules-error-secret_always = Dewiswch a yw pob pleidlais yn bleidlais gudd

## Gwahodd aelodau
members-invite-title = Gwahodd aelod
members-invite-intro = Mae gwahodd rhywun yn eu derbyn yn aelod unwaith y byddant yn derbyn, felly gwahoddwch bobl y mae'r pwyllgor wedi cytuno i'w derbyn. Byddwn yn anfon dolen atynt drwy e-bost sy'n gweithio am 14 diwrnod; maen nhw'n ymuno yn y dosbarth a ddewiswch.
members-field-class = Maen nhw'n ymuno fel
members-back = Yn ôl i'r cwmni cydweithredol
members-invite-link = Gwahodd aelod

## Hysbysiadau
home-news = Beth sy'n newydd
home-news-new = Newydd:
home-news-read = Nodi fel wedi'i ddarllen
notify-new_proposal = { $coop }: cynnig newydd, “{ $title }”
notify-vote_closing = { $coop }: mae'r bleidlais ar “{ $title }” yn cau o fewn diwrnod, a dydych chi ddim wedi pleidleisio eto
notify-meeting_notice = { $coop }: rhybudd o'r { $meeting } ar { $date }
notify-result = { $coop }: canlyniad y bleidlais ar “{ $title }”
notify-meeting-annual_general = cyfarfod cyffredinol blynyddol
notify-meeting-general = cyfarfod cyffredinol
notify-meeting-committee = cyfarfod pwyllgor
notify-email-body =
    Helo { $name },

    { $headline }.

    Darllenwch yma: { $link }

    Gallwch ddewis am beth mae Cylch yn anfon e-bost atoch yma: { $settings }
notify-link = Am beth mae Cylch yn anfon e-bost ataf
notify-back = Yn ôl i { $coop }
notify-settings-title = Am beth mae Cylch yn anfon e-bost atoch
notify-settings-intro = Mae popeth bob amser yn cael ei ddangos ar eich tudalen gartref. Dewiswch beth yr hoffech ei gael drwy e-bost hefyd gan y cwmni cydweithredol hwn. Mae rhybudd o gyfarfod bob amser yn dod drwy e-bost, fel y mae'r rheolau'n ei ofyn.
notify-settings-legend = Anfonwch e-bost ataf pan
notify-setting-new_proposal = mae aelod yn codi cynnig newydd
notify-setting-vote_closing = mae pleidlais yn cau o fewn diwrnod a dydw i ddim wedi pleidleisio
notify-setting-meeting_notice = rhoddir rhybudd o gyfarfod (ar fy nhudalen gartref hefyd)
notify-setting-result = mae canlyniad pleidlais yn cael ei gofnodi
notify-settings-save = Cadw fy newisiadau
notify-settings-saved = Mae eich dewisiadau wedi'u cadw.
audit-record-rules = Y rheolau
audit-record-proxy = Dirprwy
audit-record-notification_settings = Dewisiadau e-bost

## Derbyn gan yr aelodau
rules-setting-admission = Caiff aelodau newydd eu derbyn gan
rules-admission-committee = y pwyllgor
rules-admission-members = yr aelodau, drwy benderfyniad cyffredin
rules-field-admission = Ydy'r aelodau'n pleidleisio ar bob aelod newydd?
rules-error-admission_by_members = Dewiswch a yw'r aelodau'n pleidleisio ar bob aelod newydd
members-admit-intro = Mae eich rheolau'n rhoi pob aelod newydd gerbron yr aelodau. Llenwch pwy ydyn nhw a phryd y bydd aelodau'n pleidleisio: mae Cylch yn codi penderfyniad cyffredin i'w derbyn, ac os caiff ei basio, yn anfon gwahoddiad atynt drwy e-bost sy'n gweithio am 14 diwrnod.
members-admit-title = Derbyn { $name } yn aelod
members-field-why = Pam yr hoffen nhw ymuno, neu pam rydych chi'n eu cynnig
members-admit-button = Ei roi gerbron yr aelodau
votes-admission = Os caiff hwn ei basio, bydd { $name } yn cael gwahoddiad i ymuno fel: { $class }.
votes-admission-invited = Mae { $name } wedi cael gwahoddiad i ymuno fel: { $class }.
audit-record-admission = Derbyn aelod
rules-error-shape = Rhowch y rheolau cyfan yn y ffurf y mae'r API yn eu rhoi

## Pleidleisiau fesul dosbarth, a phroblemau'r rheolau eu hunain
rules-field-voting = Sut mae pleidleisiau'n cael eu cyfrif?
rules-field-cap-supporter = Gydag un aelod, un bleidlais: y ganran fwyaf o'r pleidleisiau a fwriwyd y caiff cefnogwyr ei dal
rules-hint-cap-supporter = Rhif cyfan o 1 i 99, neu gadewch yn wag os nad oes terfyn.
rules-field-weights = Gyda phleidleisiau wedi'u pwysoli fesul dosbarth: cyfran pob dosbarth
rules-hint-weights = Rhifau cyfan; maen nhw'n gymharol, felly mae 40, 30 a 30 yn golygu'r un peth â 4, 3 a 3. Gadewch ddosbarth yn wag os nad oes ganddo bleidlais.
rules-error-voting = Dewiswch sut mae pleidleisiau'n cael eu cyfrif
rules-error-cap_supporter = Rhowch derfyn y cefnogwyr fel rhif cyfan o 1 i 99, neu gadewch yn wag
rules-error-weight_supported_person = Rhowch bwysau'r bobl sy'n cael cymorth fel rhif cyfan, neu gadewch yn wag
rules-error-weight_representative = Rhowch bwysau'r cynrychiolwyr fel rhif cyfan, neu gadewch yn wag
rules-error-weight_family_or_carer = Rhowch bwysau aelodau'r teulu a gofalwyr fel rhif cyfan, neu gadewch yn wag
rules-error-weight_pa = Rhowch bwysau'r cynorthwywyr personol fel rhif cyfan, neu gadewch yn wag
rules-error-weight_supporter = Rhowch bwysau'r cefnogwyr fel rhif cyfan, neu gadewch yn wag
governance-quorum-below-one = Rhaid i gworwm fod yn o leiaf un aelod
governance-notice-too-long = Mae rhybudd o fwy na blwyddyn yn siŵr o fod yn gamgymeriad: gwiriwch nifer y diwrnodau
governance-ordinary-below-half = Mae angen mwy na hanner y pleidleisiau a fwriwyd ar benderfyniad cyffredin
governance-special-weaker-than-ordinary = Ni all penderfyniad arbennig fod angen llai na phenderfyniad cyffredin
governance-impossible-majority = Ni all unrhyw benderfyniad fod angen mwy na'r holl bleidleisiau a fwriwyd
governance-short-notice-consent-too-low = Mae rhybudd byrrach angen cytundeb mwy na hanner y pleidleisiau
governance-proxy-limit-zero = Pan ganiateir dirprwyon, rhaid i aelod allu dal o leiaf un
governance-written-resolution-days-zero = Mae angen o leiaf un diwrnod i lofnodi penderfyniad ysgrifenedig
governance-written-ordinary-too-low = Mae penderfyniad cyffredin ysgrifenedig angen llofnodion mwy na hanner yr aelodau
governance-written-special-weaker-than-ordinary = Ni all penderfyniad arbennig ysgrifenedig fod angen llai o lofnodion nag un cyffredin
governance-agm-period-zero = Rhaid i bob un o gyfnodau'r CCB fod yn o leiaf un mis
governance-cap-zero = Rhaid i derfyn fod yn uwch na 0%; gadewch yn wag os nad oes terfyn
governance-caps-too-large = Rhaid i'r terfynau gyda'i gilydd ddod i lai na'r holl bleidleisiau
governance-no-weighted-classes = Gyda phleidleisiau wedi'u pwysoli fesul dosbarth, rhowch bwysau i o leiaf un dosbarth
governance-zero-class-weight = Ni all dosbarth gael pwysau o sero; gadewch yn wag fel nad yw'n pleidleisio
