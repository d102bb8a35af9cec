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
