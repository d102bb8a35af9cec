## Y rota: shifftiau, y CP ar bob un, a pham na all CP weithio un.

audit-record-shift = Shifft ar y rota
audit-record-working_time_opt_out = Optio allan o'r wythnos 48 awr
rota-no-pa = Does dim CP ar y shifft hon i'w dynnu oddi arni.

rota-link = Y rota
rota-title = Y rota
rota-intro = Shifftiau'r wythnos: pwy sy'n cael cymorth, pryd, a chan ba CP. Mae shifft sydd angen CP wedi'i nodi.
rota-new-link = Ychwanegu shifft
rota-weeks = Wythnosau eraill
rota-previous-week = Yr wythnos flaenorol
rota-next-week = Yr wythnos nesaf
rota-week-empty = Does dim shifftiau y gallwch eu gweld yr wythnos hon.
rota-day-empty = Dim shifftiau.
rota-cancelled-tag = Wedi'i chanslo
rota-needs-pa = Angen CP
rota-back-to-coop = Yn ôl i'r gydweithfa
rota-back = Yn ôl i'r rota
rota-next-day = (y diwrnod wedyn)
rota-taken-off = Tynnodd Cylch { $pa } oddi ar y shifft hon: { $reasons }

rota-weekday-1 = Dydd Llun
rota-weekday-2 = Dydd Mawrth
rota-weekday-3 = Dydd Mercher
rota-weekday-4 = Dydd Iau
rota-weekday-5 = Dydd Gwener
rota-weekday-6 = Dydd Sadwrn
rota-weekday-7 = Dydd Sul

rota-kind-day = Dydd
rota-kind-night = Nos
rota-kind-sleep_in = Cysgu i mewn
rota-kind-waking_night = Noson effro

rota-new-title = Ychwanegu shifft
rota-new-intro = Dewiswch y diwrnod, yr amseroedd ac ar gyfer pwy mae'r shifft. Gallwch ddewis CP nawr neu'n nes ymlaen: mae Cylch yn gwirio y caiff ei gweithio.
rota-field-date = Diwrnod
rota-field-start = Yn dechrau am
rota-field-end = Yn gorffen am
rota-field-kind = Math o shifft
rota-field-break = Egwyl mewn munudau (dewisol)
rota-field-people = Ar gyfer pwy mae'r shifft
rota-field-pa = CP
rota-field-when = Pryd
rota-hint-time = Er enghraifft, 07:30
rota-hint-end = Er enghraifft, 09:30. Mae amser ar neu cyn y dechrau yn golygu'r bore wedyn.
rota-hint-break = Munudau cyfan. Mae angen egwyl o 20 munud ar shifftiau dros 6 awr.
rota-hint-pa = Gadewch fel y mae i ddod o hyd i CP yn nes ymlaen.
rota-no-pa-yet = Dim CP eto
rota-add-button = Ychwanegu'r shifft

rota-shift-title = Shifft
rota-assign-heading = Pwy all ei gweithio
rota-no-candidates = Does dim CP yn gweithio gyda phawb ar y shifft hon.
rota-choose-pa = Dewiswch CP
rota-candidate-current = Ar y shifft hon nawr.
rota-candidate-fit = Yn gallu gweithio'r shifft hon.
rota-candidate-unfit = Ddim yn gallu gweithio'r shifft hon:
rota-assign-button = Rhoi'r CP hwn ar y shifft
rota-unassign-button = Tynnu'r CP oddi ar y shifft hon
rota-cancel-button = Canslo'r shifft hon

rota-error-break = Rhowch yr egwyl fel munudau cyfan, o 0 i 1440
rota-error-no-people = Dewiswch ar gyfer pwy mae'r shifft
rota-error-time = Rhowch yr amser fel oriau a munudau, fel 07:30
rota-error-start-missing = Rhowch yr amser y mae'r shifft yn dechrau
rota-error-end-missing = Rhowch yr amser y mae'r shifft yn gorffen
rota-error-kind = Dewiswch y math o shifft
rota-error-choose-pa = Dewiswch CP
rota-error-pa-unfit = All y CP hwn ddim gweithio'r shifft hon
rota-problem-end-not-after-start = Rhaid i'r shifft orffen ar ôl iddi ddechrau
rota-problem-too-long = Gall shifft bara 72 awr ar y mwyaf
rota-problem-clocks-go-forward = Dydy'r amser hwnnw ddim yn digwydd y noson honno: mae'r clociau'n mynd ymlaen awr
rota-problem-bad-break = All yr egwyl ddim bod yn hirach na'r shifft
rota-problem-no-people = Dewiswch ar gyfer pwy mae'r shifft
rota-problem-too-many-people = Gall shifft gefnogi 4 o bobl ar y mwyaf
rota-problem-not-supported-here = Dewiswch bobl y mae'r gydweithfa hon yn eu cefnogi
rota-problem-no-such-pa = Dewiswch CP y mae'r gydweithfa hon yn ei gyflogi

rota-cancelled = Mae'r shifft hon wedi'i chanslo.
rota-pa-unfit = All { $pa } ddim gweithio'r shifft hon:

rota-unfit-not-started = Mae'r gyflogaeth yn dechrau ar { $date }.
rota-unfit-ended = Daeth y gyflogaeth i ben ar { $date }.
rota-unfit-not-their-pa = Dydy'r CP ddim yn gweithio gyda { $person }.
rota-unfit-needs-council-authorisation = Mae'r CP yn berthynas yn yr un aelwyd: rhaid cofnodi awdurdodiad y cyngor yn gyntaf.
rota-unfit-rate-below-minimum = Mae cyfradd { $kind } y CP, { $rate }, yn is na'r isafswm cyfreithiol o { $minimum } i rywun { $age } oed ar y diwrnod hwnnw.
rota-unfit-no-minimum-wage-rates = Does gan Cylch ddim cyfraddau isafswm cyflog ar gyfer { $date }.
rota-unfit-shifts-overlap = Mae'r CP eisoes ar shifft bryd hynny.
rota-unfit-break-too-short = Mae angen egwyl hirach ar y shifft.
rota-unfit-daily-rest-too-short = Byddai'r CP yn gorffwys dim ond { $longest } awr mewn 24, lle mae angen { $needed }.
rota-unfit-weekly-rest-too-short = Byddai'r CP yn gorffwys dim ond { $longest } awr yn yr wythnos, lle mae angen { $needed }.
rota-unfit-weekly-average-over-limit = Byddai'r CP yn gweithio { $average } awr yr wythnos ar gyfartaledd, dros y terfyn o { $limit }, a dydy'r CP ddim wedi llofnodi i optio allan.
rota-unfit-young-daily-over-limit = Mae'r CP o dan 18: mae { $minutes } awr mewn diwrnod dros y terfyn o { $limit }.
rota-unfit-young-weekly-over-limit = Mae'r CP o dan 18: mae { $minutes } awr mewn wythnos dros y terfyn o { $limit }.

rota-caution-below-real-living-wage = Mae cyfradd { $kind } y CP, { $rate }, yn is na'r Cyflog Byw Gwirioneddol o { $rlw }.
rota-caution-break = Mae angen egwyl o { $needed } munud ar y shifft; mae { $planned } wedi'u cynllunio.

rota-rate-day = dydd
rota-rate-night = nos
rota-rate-weekend = penwythnos
rota-rate-bank-holiday = gŵyl banc

rota-reason-ended = Mae'r gyflogaeth wedi dod i ben.
rota-reason-right-to-work-missing = Does dim gwiriad hawl i weithio ar ffeil.
rota-reason-right-to-work-ended = Mae'r caniatâd i weithio wedi dod i ben.
rota-reason-dbs-missing = Does dim gwiriad DBS manwl ar ffeil.
rota-reason-dbs-without-adults-barred-list = Doedd y gwiriad DBS ddim yn cynnwys y rhestr gwahardd oedolion.
rota-reason-dbs-recheck-due = Mae'n bryd adnewyddu'r gwiriad DBS.
rota-reason-dbs-status-check-due = Mae'n bryd gwirio statws ar y Gwasanaeth Diweddaru.
rota-reason-dbs-new-information = Mae'r Gwasanaeth Diweddaru yn dangos gwybodaeth newydd: mae angen tystysgrif newydd.
rota-reason-references-missing = Does dim digon o eirdaon boddhaol ar ffeil.
rota-reason-training-missing = Does dim hyfforddiant sydd ei angen ar ffeil.
rota-reason-training-expired = Mae hyfforddiant sydd ei angen wedi dod i ben.
rota-reason-written-statement-missing = Dydy'r CP ddim wedi cydnabod datganiad ysgrifenedig.
rota-reason-insurance-missing = Does gan y gydweithfa ddim yswiriant atebolrwydd cyflogwr ar ffeil.
rota-reason-insurance-not-started = Dydy'r yswiriant atebolrwydd cyflogwr ddim wedi dechrau.
rota-reason-insurance-expired = Mae'r yswiriant atebolrwydd cyflogwr wedi dod i ben.
rota-reason-insurance-cover-too-low = Mae'r yswiriant atebolrwydd cyflogwr yn cynnwys llai nag y mae'r gyfraith yn ei ofyn.

rota-taken-off-subject = Mae { $pa } oddi ar y shifft ar { $when }
rota-taken-off-body =
    Helo { $name },

    Mae Cylch wedi tynnu { $pa } oddi ar y shifft ar { $when }, oherwydd:
    - { $reasons }

    Mae angen CP arall ar y shifft. Gwelwch hi a dewis un yma:
    { $link }
