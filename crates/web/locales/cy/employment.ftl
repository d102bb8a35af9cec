# Cyflogi cynorthwywyr personol: y gydweithfa fel cyflogwr.

## Enwau'r trywydd archwilio ar gyfer cofnodion cyflogaeth
audit-record-employment = Cyflogaeth cynorthwyydd personol
audit-record-employment_person = Gyda phwy mae cynorthwyydd personol yn gweithio
audit-record-employment_check = Gwiriad cyn gwaith
audit-record-employment_statement = Datganiad o fanylion cyflogaeth
audit-record-employers_liability = Yswiriant atebolrwydd cyflogwr
