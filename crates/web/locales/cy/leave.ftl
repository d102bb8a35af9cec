# Gwyliau ac absenoldeb cynorthwywyr personol cyflogedig.

## Enwau cofnodion absenoldeb yn y trywydd archwilio
audit-record-holiday_request = Cais am wyliau
audit-record-sickness_absence = Absenoldeb salwch
audit-record-other_leave = Absenoldeb arall
audit-record-leave_settings = Blwyddyn wyliau
audit-record-leave_hours_worked = Oriau a weithiwyd ar gyfer gwyliau

## Absenoldeb cynorthwyydd personol
leave-title = Gwyliau ac absenoldeb
leave-link = Gwyliau ac absenoldeb
leave-heading = { $name }: gwyliau ac absenoldeb
leave-back-to-record = Yn ôl at y cofnod cyflogaeth
leave-balance-heading = Gweddill y gwyliau
leave-year = Blwyddyn wyliau { $year }.
leave-method-pro-rata = Mae'r gwyliau'n 5.6 wythnos o'r wythnos waith, hyd at 28 diwrnod, am y rhan o'r flwyddyn a gyflogwyd.
leave-method-accrual = Mae'r gwyliau'n cronni ar 12.07% o'r oriau a weithiwyd ym mhob cyfnod cyflog.
leave-balance-entitlement = Gwyliau'r flwyddyn wyliau hon
leave-balance-accrued = Gwyliau a gronnwyd hyd yma
leave-balance-taken = Wedi'u cymryd
leave-balance-booked = Wedi'u cymeradwyo, i'w cymryd eto
leave-balance-pending = Wedi gofyn, yn aros am benderfyniad
leave-balance-remaining = Ar ôl i'w cymryd
leave-hours = { $hours } awr
leave-hours-and-days = { $hours } awr ({ $days } diwrnod)
leave-away-intro = Gallwch weld pryd mae'r cynorthwyydd personol hwn i ffwrdd a phenderfynu ar y gwyliau y maen nhw'n gofyn amdanyn nhw. Ni ddangosir i chi pam maen nhw i ffwrdd.
leave-away-heading = Diwrnodau i ffwrdd
leave-away-none = Does dim wedi'i drefnu.
leave-fit-note-reminder = Mae angen nodyn ffitrwydd ar gyfer salwch o { $date }: mwy na 7 diwrnod yn olynol. Gofynnwch i feddyg y cynorthwyydd personol am un.

## Gofyn am wyliau
leave-request-heading = Gofyn am wyliau
leave-field-first-day = Diwrnod cyntaf
leave-field-last-day = Diwrnod olaf
leave-field-days = Diwrnodau gwaith o wyliau
leave-field-hours = Oriau o wyliau
leave-field-note = Nodyn
leave-hint-last-day = Yr un fath â'r diwrnod cyntaf am un diwrnod
leave-hint-days = Diwrnodau cyfan neu hanner diwrnodau, fel 2 neu 0.5. Mae diwrnod gwaith yn { $hours } awr.
leave-hint-hours = Oriau, fel 7.5
leave-hint-optional = Dewisol
leave-request-button = Gofyn am wyliau

## Ceisiadau
leave-requests-heading = Ceisiadau am wyliau
leave-requests-none = Does neb wedi gofyn am wyliau.
leave-state-requested = Yn aros am benderfyniad
leave-state-approved = Wedi'i gymeradwyo
leave-state-declined = Wedi'i wrthod
leave-state-cancelled = Wedi'i ganslo
leave-decided-by = gan { $name }
leave-approve-button = Cymeradwyo gwyliau { $dates }
leave-decline-button = Gwrthod gwyliau { $dates }
leave-cancel-button = Canslo gwyliau { $dates }
leave-field-decline-reason = Pam mae'n cael ei wrthod

## Salwch
leave-sickness-heading = Salwch
leave-sickness-intro = Cofnodwch bob diwrnod i ffwrdd yn sâl, gan gynnwys penwythnosau, er mwyn i'r gyflogres dalu Tâl Salwch Statudol. Ar ôl 7 diwrnod yn olynol mae angen nodyn ffitrwydd ar y cynorthwyydd personol. Dim ond y cynorthwyydd personol a'r swyddogion sy'n cario dyletswyddau'r cyflogwr sy'n gweld hyn.
leave-sickness-none = Does dim salwch wedi'i gofnodi.
leave-sick-since = I ffwrdd yn sâl ers { $date }
leave-sick-days = { $days } diwrnod
leave-field-fit-note = Nodyn ffitrwydd
leave-fit-note-missing = Mae angen un, heb ei dderbyn eto
leave-fit-note-not-needed = Dim angen
leave-field-sick-reason = Rheswm
leave-field-back-on = Diwrnod olaf i ffwrdd yn sâl
leave-field-fit-note-received = Nodyn ffitrwydd wedi'i dderbyn ar
leave-hint-keep = Gadewch yn wag i gadw'r hyn sydd wedi'i gofnodi
leave-sickness-update-button = Cadw'r diwedd neu'r nodyn ffitrwydd
leave-sickness-record-heading = Cofnodi salwch
leave-field-sick-from = Diwrnod cyntaf i ffwrdd yn sâl
leave-field-sick-to = Diwrnod olaf i ffwrdd yn sâl
leave-hint-still-off = Gadewch yn wag tra'u bod yn dal i ffwrdd
leave-hint-sick-reason = Dewisol. Gwybodaeth iechyd: dim ond y cynorthwyydd personol a swyddogion y cyflogwr sy'n ei gweld.
leave-sickness-button = Cofnodi salwch

## Absenoldeb arall
leave-other-heading = Absenoldeb arall
leave-other-none = Does dim absenoldeb arall wedi'i gofnodi.
leave-field-kind = Math o absenoldeb
leave-choose = Dewiswch
leave-other-button = Cofnodi absenoldeb
leave-kind-compassionate = Absenoldeb tosturiol
leave-kind-maternity = Absenoldeb mamolaeth
leave-kind-paternity = Absenoldeb tadolaeth
leave-kind-adoption = Absenoldeb mabwysiadu
leave-kind-shared_parental = Absenoldeb rhiant a rennir
leave-kind-parental = Absenoldeb rhiant di-dâl
leave-kind-parental_bereavement = Absenoldeb profedigaeth rhiant
leave-kind-neonatal = Absenoldeb gofal newyddenedigol
leave-kind-carers = Absenoldeb gofalwr
leave-kind-dependants = Amser i ffwrdd ar gyfer dibynyddion
leave-kind-jury_service = Gwasanaeth rheithgor
leave-kind-unpaid = Absenoldeb di-dâl
leave-kind-other = Absenoldeb arall

## Oriau a weithiwyd
leave-hours-heading = Oriau a weithiwyd
leave-hours-intro = Mae gwyliau'n cronni ar yr oriau a weithiwyd ym mhob cyfnod cyflog. Cofnodwch nhw yma nes bydd taflenni amser yn gwneud hynny.
leave-field-period-end = Diwrnod olaf y cyfnod cyflog
leave-field-hours-worked = Oriau a weithiwyd
leave-hours-button = Cofnodi oriau a weithiwyd

## Ceisiadau sy'n aros am benderfyniad
leave-requests-title = Ceisiadau am wyliau i'w penderfynu
leave-requests-link = Ceisiadau am wyliau i'w penderfynu
leave-requests-intro = Gwyliau y mae'r cynorthwywyr personol sy'n eich cefnogi, neu rydych chi'n eu rheoli, wedi gofyn amdanyn nhw.
leave-awaiting-none = Does dim gwyliau'n aros am eich penderfyniad.
leave-approve-for = Cymeradwyo gwyliau { $name }
leave-decline-link = Gwrthod gwyliau { $name }, gyda rheswm
leave-year-heading = Blwyddyn wyliau
leave-year-now = Mae pob blwyddyn wyliau'n dechrau ar { $start }.
leave-field-year-day = Diwrnod
leave-field-year-month = Mis
leave-year-button = Cadw'r flwyddyn wyliau
leave-month-1 = Ionawr
leave-month-2 = Chwefror
leave-month-3 = Mawrth
leave-month-4 = Ebrill
leave-month-5 = Mai
leave-month-6 = Mehefin
leave-month-7 = Gorffennaf
leave-month-8 = Awst
leave-month-9 = Medi
leave-month-10 = Hydref
leave-month-11 = Tachwedd
leave-month-12 = Rhagfyr

## Problemau
leave-enter-first-day = Rhowch y diwrnod cyntaf
leave-enter-last-day = Rhowch y diwrnod olaf
leave-enter-days = Rhowch y diwrnodau gwaith o wyliau
leave-enter-hours = Rhowch yr oriau
leave-enter-reason = Rhowch pam mae'r gwyliau'n cael eu gwrthod
leave-enter-request = Dewiswch y cais
leave-enter-absence = Dewiswch yr absenoldeb salwch
leave-enter-period-end = Rhowch ddiwrnod olaf y cyfnod cyflog
leave-enter-end-or-fit-note = Rhowch y diwrnod olaf i ffwrdd yn sâl neu'r diwrnod y cyrhaeddodd y nodyn ffitrwydd
leave-choose-kind = Dewiswch y math o absenoldeb
leave-choose-month = Dewiswch y mis
leave-choose-day = Rhowch ddiwrnod o'r mis o 1 i 31
leave-error-number = Rhowch rif, fel 2 neu 7.5
leave-problem-last-before-first = Rhaid i'r diwrnod olaf fod yr un fath â'r diwrnod cyntaf neu ar ei ôl
leave-problem-too-far-in-past = Gellir gofyn am wyliau hyd at 4 wythnos yn ôl yn unig; gofynnwch i swyddog gywiro gwyliau hŷn
leave-problem-across-leave-years = Mae'r gwyliau'n ymestyn i'r flwyddyn wyliau nesaf: gofynnwch am ran pob blwyddyn ar wahân
leave-problem-sickness-in-future = Ni all y diwrnod cyntaf i ffwrdd yn sâl fod ar ôl heddiw
leave-problem-nothing-asked = Rhowch fwy na dim
leave-problem-more-than-the-days = Mae hynny'n fwy nag y gall y diwrnodau o'r diwrnod cyntaf i'r olaf ei ddal
leave-problem-fit-note-before-first = Ni all y nodyn ffitrwydd gyrraedd cyn y diwrnod cyntaf i ffwrdd yn sâl
leave-problem-too-large = Mae'r swm yn rhy fawr
leave-problem-period-in-future = Rhaid bod y cyfnod cyflog wedi dod i ben
leave-problem-year-start = Dewiswch ddiwrnod sydd ym mhob blwyddyn: nid 29 Chwefror, na diwrnod nad yw yn y mis
leave-problem-before-reform = Roedd gwyliau'r flwyddyn wyliau hon yn dilyn y rheolau cyn Ebrill 2024, nad yw Cylch yn eu cyfrifo
leave-problem-negative = Ni all oriau fod yn llai na dim
leave-problem-overlaps = Mae'r diwrnodau hyn yn gorgyffwrdd â gwyliau y gofynnwyd amdanyn nhw neu a gymeradwywyd eisoes
leave-problem-outside-employment = Mae'r diwrnodau hyn y tu allan i'r gyflogaeth: cyn iddi ddechrau neu ar ôl iddi ddod i ben
leave-not-enough = Dyna { $asked } awr, ond dim ond { $available } awr sydd ar ôl i ofyn amdanyn nhw'r flwyddyn wyliau hon
leave-own-request = Does neb yn penderfynu ar eu gwyliau eu hunain: mae'r person rydych chi'n ei gefnogi neu swyddog yn penderfynu
leave-not-awaiting = Mae'r cais hwn eisoes wedi'i benderfynu neu ei ganslo
leave-already-begun = Mae'r gwyliau hyn wedi dechrau, felly ni ellir eu canslo: gofynnwch i swyddog eu cywiro
