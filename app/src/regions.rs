//! Sweden's 21 län (with their NUTS 3 codes) and 290 kommuner, by SCB
//! code. Checked against the reference lists in `../shared/data` by the
//! tests below; the codes are stored, the names shown.

/// A län: SCB länskod, name, NUTS 3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lan {
    pub code: &'static str,
    pub name: &'static str,
    pub nuts: &'static str,
}

/// A kommun: SCB kommunkod (its first two digits are the länskod), name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kommun {
    pub code: &'static str,
    pub name: &'static str,
}

pub const LAN: [Lan; 21] = [
    Lan {
        code: "01",
        name: "Stockholms län",
        nuts: "SE110",
    },
    Lan {
        code: "03",
        name: "Uppsala län",
        nuts: "SE121",
    },
    Lan {
        code: "04",
        name: "Södermanlands län",
        nuts: "SE122",
    },
    Lan {
        code: "05",
        name: "Östergötlands län",
        nuts: "SE123",
    },
    Lan {
        code: "06",
        name: "Jönköpings län",
        nuts: "SE211",
    },
    Lan {
        code: "07",
        name: "Kronobergs län",
        nuts: "SE212",
    },
    Lan {
        code: "08",
        name: "Kalmar län",
        nuts: "SE213",
    },
    Lan {
        code: "09",
        name: "Gotlands län",
        nuts: "SE214",
    },
    Lan {
        code: "10",
        name: "Blekinge län",
        nuts: "SE221",
    },
    Lan {
        code: "12",
        name: "Skåne län",
        nuts: "SE224",
    },
    Lan {
        code: "13",
        name: "Hallands län",
        nuts: "SE231",
    },
    Lan {
        code: "14",
        name: "Västra Götalands län",
        nuts: "SE232",
    },
    Lan {
        code: "17",
        name: "Värmlands län",
        nuts: "SE311",
    },
    Lan {
        code: "18",
        name: "Örebro län",
        nuts: "SE124",
    },
    Lan {
        code: "19",
        name: "Västmanlands län",
        nuts: "SE125",
    },
    Lan {
        code: "20",
        name: "Dalarnas län",
        nuts: "SE312",
    },
    Lan {
        code: "21",
        name: "Gävleborgs län",
        nuts: "SE313",
    },
    Lan {
        code: "22",
        name: "Västernorrlands län",
        nuts: "SE321",
    },
    Lan {
        code: "23",
        name: "Jämtlands län",
        nuts: "SE322",
    },
    Lan {
        code: "24",
        name: "Västerbottens län",
        nuts: "SE331",
    },
    Lan {
        code: "25",
        name: "Norrbottens län",
        nuts: "SE332",
    },
];

pub const KOMMUNER: [Kommun; 290] = [
    Kommun {
        code: "0114",
        name: "Upplands Väsby",
    },
    Kommun {
        code: "0115",
        name: "Vallentuna",
    },
    Kommun {
        code: "0117",
        name: "Österåker",
    },
    Kommun {
        code: "0120",
        name: "Värmdö",
    },
    Kommun {
        code: "0123",
        name: "Järfälla",
    },
    Kommun {
        code: "0125",
        name: "Ekerö",
    },
    Kommun {
        code: "0126",
        name: "Huddinge",
    },
    Kommun {
        code: "0127",
        name: "Botkyrka",
    },
    Kommun {
        code: "0128",
        name: "Salem",
    },
    Kommun {
        code: "0136",
        name: "Haninge",
    },
    Kommun {
        code: "0138",
        name: "Tyresö",
    },
    Kommun {
        code: "0139",
        name: "Upplands-Bro",
    },
    Kommun {
        code: "0140",
        name: "Nykvarn",
    },
    Kommun {
        code: "0160",
        name: "Täby",
    },
    Kommun {
        code: "0162",
        name: "Danderyd",
    },
    Kommun {
        code: "0163",
        name: "Sollentuna",
    },
    Kommun {
        code: "0180",
        name: "Stockholm",
    },
    Kommun {
        code: "0181",
        name: "Södertälje",
    },
    Kommun {
        code: "0182",
        name: "Nacka",
    },
    Kommun {
        code: "0183",
        name: "Sundbyberg",
    },
    Kommun {
        code: "0184",
        name: "Solna",
    },
    Kommun {
        code: "0186",
        name: "Lidingö",
    },
    Kommun {
        code: "0187",
        name: "Vaxholm",
    },
    Kommun {
        code: "0188",
        name: "Norrtälje",
    },
    Kommun {
        code: "0191",
        name: "Sigtuna",
    },
    Kommun {
        code: "0192",
        name: "Nynäshamn",
    },
    Kommun {
        code: "0305",
        name: "Håbo",
    },
    Kommun {
        code: "0319",
        name: "Älvkarleby",
    },
    Kommun {
        code: "0330",
        name: "Knivsta",
    },
    Kommun {
        code: "0331",
        name: "Heby",
    },
    Kommun {
        code: "0360",
        name: "Tierp",
    },
    Kommun {
        code: "0380",
        name: "Uppsala",
    },
    Kommun {
        code: "0381",
        name: "Enköping",
    },
    Kommun {
        code: "0382",
        name: "Östhammar",
    },
    Kommun {
        code: "0428",
        name: "Vingåker",
    },
    Kommun {
        code: "0461",
        name: "Gnesta",
    },
    Kommun {
        code: "0480",
        name: "Nyköping",
    },
    Kommun {
        code: "0481",
        name: "Oxelösund",
    },
    Kommun {
        code: "0482",
        name: "Flen",
    },
    Kommun {
        code: "0483",
        name: "Katrineholm",
    },
    Kommun {
        code: "0484",
        name: "Eskilstuna",
    },
    Kommun {
        code: "0486",
        name: "Strängnäs",
    },
    Kommun {
        code: "0488",
        name: "Trosa",
    },
    Kommun {
        code: "0509",
        name: "Ödeshög",
    },
    Kommun {
        code: "0512",
        name: "Ydre",
    },
    Kommun {
        code: "0513",
        name: "Kinda",
    },
    Kommun {
        code: "0560",
        name: "Boxholm",
    },
    Kommun {
        code: "0561",
        name: "Åtvidaberg",
    },
    Kommun {
        code: "0562",
        name: "Finspång",
    },
    Kommun {
        code: "0563",
        name: "Valdemarsvik",
    },
    Kommun {
        code: "0580",
        name: "Linköping",
    },
    Kommun {
        code: "0581",
        name: "Norrköping",
    },
    Kommun {
        code: "0582",
        name: "Söderköping",
    },
    Kommun {
        code: "0583",
        name: "Motala",
    },
    Kommun {
        code: "0584",
        name: "Vadstena",
    },
    Kommun {
        code: "0586",
        name: "Mjölby",
    },
    Kommun {
        code: "0604",
        name: "Aneby",
    },
    Kommun {
        code: "0617",
        name: "Gnosjö",
    },
    Kommun {
        code: "0642",
        name: "Mullsjö",
    },
    Kommun {
        code: "0643",
        name: "Habo",
    },
    Kommun {
        code: "0662",
        name: "Gislaved",
    },
    Kommun {
        code: "0665",
        name: "Vaggeryd",
    },
    Kommun {
        code: "0680",
        name: "Jönköping",
    },
    Kommun {
        code: "0682",
        name: "Nässjö",
    },
    Kommun {
        code: "0683",
        name: "Värnamo",
    },
    Kommun {
        code: "0684",
        name: "Sävsjö",
    },
    Kommun {
        code: "0685",
        name: "Vetlanda",
    },
    Kommun {
        code: "0686",
        name: "Eksjö",
    },
    Kommun {
        code: "0687",
        name: "Tranås",
    },
    Kommun {
        code: "0760",
        name: "Uppvidinge",
    },
    Kommun {
        code: "0761",
        name: "Lessebo",
    },
    Kommun {
        code: "0763",
        name: "Tingsryd",
    },
    Kommun {
        code: "0764",
        name: "Alvesta",
    },
    Kommun {
        code: "0765",
        name: "Älmhult",
    },
    Kommun {
        code: "0767",
        name: "Markaryd",
    },
    Kommun {
        code: "0780",
        name: "Växjö",
    },
    Kommun {
        code: "0781",
        name: "Ljungby",
    },
    Kommun {
        code: "0821",
        name: "Högsby",
    },
    Kommun {
        code: "0834",
        name: "Torsås",
    },
    Kommun {
        code: "0840",
        name: "Mörbylånga",
    },
    Kommun {
        code: "0860",
        name: "Hultsfred",
    },
    Kommun {
        code: "0861",
        name: "Mönsterås",
    },
    Kommun {
        code: "0862",
        name: "Emmaboda",
    },
    Kommun {
        code: "0880",
        name: "Kalmar",
    },
    Kommun {
        code: "0881",
        name: "Nybro",
    },
    Kommun {
        code: "0882",
        name: "Oskarshamn",
    },
    Kommun {
        code: "0883",
        name: "Västervik",
    },
    Kommun {
        code: "0884",
        name: "Vimmerby",
    },
    Kommun {
        code: "0885",
        name: "Borgholm",
    },
    Kommun {
        code: "0980",
        name: "Gotland",
    },
    Kommun {
        code: "1060",
        name: "Olofström",
    },
    Kommun {
        code: "1080",
        name: "Karlskrona",
    },
    Kommun {
        code: "1081",
        name: "Ronneby",
    },
    Kommun {
        code: "1082",
        name: "Karlshamn",
    },
    Kommun {
        code: "1083",
        name: "Sölvesborg",
    },
    Kommun {
        code: "1214",
        name: "Svalöv",
    },
    Kommun {
        code: "1230",
        name: "Staffanstorp",
    },
    Kommun {
        code: "1231",
        name: "Burlöv",
    },
    Kommun {
        code: "1233",
        name: "Vellinge",
    },
    Kommun {
        code: "1256",
        name: "Östra Göinge",
    },
    Kommun {
        code: "1257",
        name: "Örkelljunga",
    },
    Kommun {
        code: "1260",
        name: "Bjuv",
    },
    Kommun {
        code: "1261",
        name: "Kävlinge",
    },
    Kommun {
        code: "1262",
        name: "Lomma",
    },
    Kommun {
        code: "1263",
        name: "Svedala",
    },
    Kommun {
        code: "1264",
        name: "Skurup",
    },
    Kommun {
        code: "1265",
        name: "Sjöbo",
    },
    Kommun {
        code: "1266",
        name: "Hörby",
    },
    Kommun {
        code: "1267",
        name: "Höör",
    },
    Kommun {
        code: "1270",
        name: "Tomelilla",
    },
    Kommun {
        code: "1272",
        name: "Bromölla",
    },
    Kommun {
        code: "1273",
        name: "Osby",
    },
    Kommun {
        code: "1275",
        name: "Perstorp",
    },
    Kommun {
        code: "1276",
        name: "Klippan",
    },
    Kommun {
        code: "1277",
        name: "Åstorp",
    },
    Kommun {
        code: "1278",
        name: "Båstad",
    },
    Kommun {
        code: "1280",
        name: "Malmö",
    },
    Kommun {
        code: "1281",
        name: "Lund",
    },
    Kommun {
        code: "1282",
        name: "Landskrona",
    },
    Kommun {
        code: "1283",
        name: "Helsingborg",
    },
    Kommun {
        code: "1284",
        name: "Höganäs",
    },
    Kommun {
        code: "1285",
        name: "Eslöv",
    },
    Kommun {
        code: "1286",
        name: "Ystad",
    },
    Kommun {
        code: "1287",
        name: "Trelleborg",
    },
    Kommun {
        code: "1290",
        name: "Kristianstad",
    },
    Kommun {
        code: "1291",
        name: "Simrishamn",
    },
    Kommun {
        code: "1292",
        name: "Ängelholm",
    },
    Kommun {
        code: "1293",
        name: "Hässleholm",
    },
    Kommun {
        code: "1315",
        name: "Hylte",
    },
    Kommun {
        code: "1380",
        name: "Halmstad",
    },
    Kommun {
        code: "1381",
        name: "Laholm",
    },
    Kommun {
        code: "1382",
        name: "Falkenberg",
    },
    Kommun {
        code: "1383",
        name: "Varberg",
    },
    Kommun {
        code: "1384",
        name: "Kungsbacka",
    },
    Kommun {
        code: "1401",
        name: "Härryda",
    },
    Kommun {
        code: "1402",
        name: "Partille",
    },
    Kommun {
        code: "1407",
        name: "Öckerö",
    },
    Kommun {
        code: "1415",
        name: "Stenungsund",
    },
    Kommun {
        code: "1419",
        name: "Tjörn",
    },
    Kommun {
        code: "1421",
        name: "Orust",
    },
    Kommun {
        code: "1427",
        name: "Sotenäs",
    },
    Kommun {
        code: "1430",
        name: "Munkedal",
    },
    Kommun {
        code: "1435",
        name: "Tanum",
    },
    Kommun {
        code: "1438",
        name: "Dals-Ed",
    },
    Kommun {
        code: "1439",
        name: "Färgelanda",
    },
    Kommun {
        code: "1440",
        name: "Ale",
    },
    Kommun {
        code: "1441",
        name: "Lerum",
    },
    Kommun {
        code: "1442",
        name: "Vårgårda",
    },
    Kommun {
        code: "1443",
        name: "Bollebygd",
    },
    Kommun {
        code: "1444",
        name: "Grästorp",
    },
    Kommun {
        code: "1445",
        name: "Essunga",
    },
    Kommun {
        code: "1446",
        name: "Karlsborg",
    },
    Kommun {
        code: "1447",
        name: "Gullspång",
    },
    Kommun {
        code: "1452",
        name: "Tranemo",
    },
    Kommun {
        code: "1460",
        name: "Bengtsfors",
    },
    Kommun {
        code: "1461",
        name: "Mellerud",
    },
    Kommun {
        code: "1462",
        name: "Lilla Edet",
    },
    Kommun {
        code: "1463",
        name: "Mark",
    },
    Kommun {
        code: "1465",
        name: "Svenljunga",
    },
    Kommun {
        code: "1466",
        name: "Herrljunga",
    },
    Kommun {
        code: "1470",
        name: "Vara",
    },
    Kommun {
        code: "1471",
        name: "Götene",
    },
    Kommun {
        code: "1472",
        name: "Tibro",
    },
    Kommun {
        code: "1473",
        name: "Töreboda",
    },
    Kommun {
        code: "1480",
        name: "Göteborg",
    },
    Kommun {
        code: "1481",
        name: "Mölndal",
    },
    Kommun {
        code: "1482",
        name: "Kungälv",
    },
    Kommun {
        code: "1484",
        name: "Lysekil",
    },
    Kommun {
        code: "1485",
        name: "Uddevalla",
    },
    Kommun {
        code: "1486",
        name: "Strömstad",
    },
    Kommun {
        code: "1487",
        name: "Vänersborg",
    },
    Kommun {
        code: "1488",
        name: "Trollhättan",
    },
    Kommun {
        code: "1489",
        name: "Alingsås",
    },
    Kommun {
        code: "1490",
        name: "Borås",
    },
    Kommun {
        code: "1491",
        name: "Ulricehamn",
    },
    Kommun {
        code: "1492",
        name: "Åmål",
    },
    Kommun {
        code: "1493",
        name: "Mariestad",
    },
    Kommun {
        code: "1494",
        name: "Lidköping",
    },
    Kommun {
        code: "1495",
        name: "Skara",
    },
    Kommun {
        code: "1496",
        name: "Skövde",
    },
    Kommun {
        code: "1497",
        name: "Hjo",
    },
    Kommun {
        code: "1498",
        name: "Tidaholm",
    },
    Kommun {
        code: "1499",
        name: "Falköping",
    },
    Kommun {
        code: "1715",
        name: "Kil",
    },
    Kommun {
        code: "1730",
        name: "Eda",
    },
    Kommun {
        code: "1737",
        name: "Torsby",
    },
    Kommun {
        code: "1760",
        name: "Storfors",
    },
    Kommun {
        code: "1761",
        name: "Hammarö",
    },
    Kommun {
        code: "1762",
        name: "Munkfors",
    },
    Kommun {
        code: "1763",
        name: "Forshaga",
    },
    Kommun {
        code: "1764",
        name: "Grums",
    },
    Kommun {
        code: "1765",
        name: "Årjäng",
    },
    Kommun {
        code: "1766",
        name: "Sunne",
    },
    Kommun {
        code: "1780",
        name: "Karlstad",
    },
    Kommun {
        code: "1781",
        name: "Kristinehamn",
    },
    Kommun {
        code: "1782",
        name: "Filipstad",
    },
    Kommun {
        code: "1783",
        name: "Hagfors",
    },
    Kommun {
        code: "1784",
        name: "Arvika",
    },
    Kommun {
        code: "1785",
        name: "Säffle",
    },
    Kommun {
        code: "1814",
        name: "Lekeberg",
    },
    Kommun {
        code: "1860",
        name: "Laxå",
    },
    Kommun {
        code: "1861",
        name: "Hallsberg",
    },
    Kommun {
        code: "1862",
        name: "Degerfors",
    },
    Kommun {
        code: "1863",
        name: "Hällefors",
    },
    Kommun {
        code: "1864",
        name: "Ljusnarsberg",
    },
    Kommun {
        code: "1880",
        name: "Örebro",
    },
    Kommun {
        code: "1881",
        name: "Kumla",
    },
    Kommun {
        code: "1882",
        name: "Askersund",
    },
    Kommun {
        code: "1883",
        name: "Karlskoga",
    },
    Kommun {
        code: "1884",
        name: "Nora",
    },
    Kommun {
        code: "1885",
        name: "Lindesberg",
    },
    Kommun {
        code: "1904",
        name: "Skinnskatteberg",
    },
    Kommun {
        code: "1907",
        name: "Surahammar",
    },
    Kommun {
        code: "1960",
        name: "Kungsör",
    },
    Kommun {
        code: "1961",
        name: "Hallstahammar",
    },
    Kommun {
        code: "1962",
        name: "Norberg",
    },
    Kommun {
        code: "1980",
        name: "Västerås",
    },
    Kommun {
        code: "1981",
        name: "Sala",
    },
    Kommun {
        code: "1982",
        name: "Fagersta",
    },
    Kommun {
        code: "1983",
        name: "Köping",
    },
    Kommun {
        code: "1984",
        name: "Arboga",
    },
    Kommun {
        code: "2021",
        name: "Vansbro",
    },
    Kommun {
        code: "2023",
        name: "Malung-Sälen",
    },
    Kommun {
        code: "2026",
        name: "Gagnef",
    },
    Kommun {
        code: "2029",
        name: "Leksand",
    },
    Kommun {
        code: "2031",
        name: "Rättvik",
    },
    Kommun {
        code: "2034",
        name: "Orsa",
    },
    Kommun {
        code: "2039",
        name: "Älvdalen",
    },
    Kommun {
        code: "2061",
        name: "Smedjebacken",
    },
    Kommun {
        code: "2062",
        name: "Mora",
    },
    Kommun {
        code: "2080",
        name: "Falun",
    },
    Kommun {
        code: "2081",
        name: "Borlänge",
    },
    Kommun {
        code: "2082",
        name: "Säter",
    },
    Kommun {
        code: "2083",
        name: "Hedemora",
    },
    Kommun {
        code: "2084",
        name: "Avesta",
    },
    Kommun {
        code: "2085",
        name: "Ludvika",
    },
    Kommun {
        code: "2101",
        name: "Ockelbo",
    },
    Kommun {
        code: "2104",
        name: "Hofors",
    },
    Kommun {
        code: "2121",
        name: "Ovanåker",
    },
    Kommun {
        code: "2132",
        name: "Nordanstig",
    },
    Kommun {
        code: "2161",
        name: "Ljusdal",
    },
    Kommun {
        code: "2180",
        name: "Gävle",
    },
    Kommun {
        code: "2181",
        name: "Sandviken",
    },
    Kommun {
        code: "2182",
        name: "Söderhamn",
    },
    Kommun {
        code: "2183",
        name: "Bollnäs",
    },
    Kommun {
        code: "2184",
        name: "Hudiksvall",
    },
    Kommun {
        code: "2260",
        name: "Ånge",
    },
    Kommun {
        code: "2262",
        name: "Timrå",
    },
    Kommun {
        code: "2280",
        name: "Härnösand",
    },
    Kommun {
        code: "2281",
        name: "Sundsvall",
    },
    Kommun {
        code: "2282",
        name: "Kramfors",
    },
    Kommun {
        code: "2283",
        name: "Sollefteå",
    },
    Kommun {
        code: "2284",
        name: "Örnsköldsvik",
    },
    Kommun {
        code: "2303",
        name: "Ragunda",
    },
    Kommun {
        code: "2305",
        name: "Bräcke",
    },
    Kommun {
        code: "2309",
        name: "Krokom",
    },
    Kommun {
        code: "2313",
        name: "Strömsund",
    },
    Kommun {
        code: "2321",
        name: "Åre",
    },
    Kommun {
        code: "2326",
        name: "Berg",
    },
    Kommun {
        code: "2361",
        name: "Härjedalen",
    },
    Kommun {
        code: "2380",
        name: "Östersund",
    },
    Kommun {
        code: "2401",
        name: "Nordmaling",
    },
    Kommun {
        code: "2403",
        name: "Bjurholm",
    },
    Kommun {
        code: "2404",
        name: "Vindeln",
    },
    Kommun {
        code: "2409",
        name: "Robertsfors",
    },
    Kommun {
        code: "2417",
        name: "Norsjö",
    },
    Kommun {
        code: "2418",
        name: "Malå",
    },
    Kommun {
        code: "2421",
        name: "Storuman",
    },
    Kommun {
        code: "2422",
        name: "Sorsele",
    },
    Kommun {
        code: "2425",
        name: "Dorotea",
    },
    Kommun {
        code: "2460",
        name: "Vännäs",
    },
    Kommun {
        code: "2462",
        name: "Vilhelmina",
    },
    Kommun {
        code: "2463",
        name: "Åsele",
    },
    Kommun {
        code: "2480",
        name: "Umeå",
    },
    Kommun {
        code: "2481",
        name: "Lycksele",
    },
    Kommun {
        code: "2482",
        name: "Skellefteå",
    },
    Kommun {
        code: "2505",
        name: "Arvidsjaur",
    },
    Kommun {
        code: "2506",
        name: "Arjeplog",
    },
    Kommun {
        code: "2510",
        name: "Jokkmokk",
    },
    Kommun {
        code: "2513",
        name: "Överkalix",
    },
    Kommun {
        code: "2514",
        name: "Kalix",
    },
    Kommun {
        code: "2518",
        name: "Övertorneå",
    },
    Kommun {
        code: "2521",
        name: "Pajala",
    },
    Kommun {
        code: "2523",
        name: "Gällivare",
    },
    Kommun {
        code: "2560",
        name: "Älvsbyn",
    },
    Kommun {
        code: "2580",
        name: "Luleå",
    },
    Kommun {
        code: "2581",
        name: "Piteå",
    },
    Kommun {
        code: "2582",
        name: "Boden",
    },
    Kommun {
        code: "2583",
        name: "Haparanda",
    },
    Kommun {
        code: "2584",
        name: "Kiruna",
    },
];

pub fn lan(code: &str) -> Option<&'static Lan> {
    LAN.iter().find(|l| l.code == code)
}

/// A länskod that is one of the 21: only `parse` makes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanCode(&'static str);

impl LanCode {
    pub fn parse(code: &str) -> Option<LanCode> {
        lan(code.trim()).map(|l| LanCode(l.code))
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    pub fn lan(self) -> &'static Lan {
        lan(self.0).unwrap_or(&LAN[0])
    }
}

pub fn kommun(code: &str) -> Option<&'static Kommun> {
    KOMMUNER.iter().find(|k| k.code == code)
}

/// The kommuner of one län.
pub fn kommuner_in(lan_code: &str) -> impl Iterator<Item = &'static Kommun> + '_ {
    KOMMUNER
        .iter()
        .filter(move |k| k.code.starts_with(lan_code))
}

#[cfg(test)]
mod lan_code_tests {
    use super::*;

    #[test]
    fn only_the_21_lan_codes_parse() {
        assert_eq!(LanCode::parse(" 03 ").map(LanCode::as_str), Some("03"));
        assert_eq!(LanCode::parse("03").unwrap().lan().nuts, "SE121");
        assert!(LanCode::parse("02").is_none() && LanCode::parse("").is_none());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference list in `shared/data` beside the repository (where CI
    /// puts it), or where SAMRAD_SHARED_DATA points. `None` only outside CI.
    fn reference(file: &str) -> Option<Vec<Vec<String>>> {
        let dir = std::env::var("SAMRAD_SHARED_DATA")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data").into());
        let text = match std::fs::read_to_string(format!("{dir}/{file}")) {
            Ok(text) => text,
            Err(e) if std::env::var_os("CI").is_none() => {
                eprintln!("skipped: no reference list {dir}/{file} ({e})");
                return None;
            }
            Err(e) => panic!("the reference list {dir}/{file}: {e}"),
        };
        Some(
            text.lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split(',').map(|f| f.trim().to_string()).collect())
                .collect(),
        )
    }

    #[test]
    fn the_lan_match_the_reference_list() {
        let Some(expected) = reference("lan.csv") else {
            return;
        };
        assert_eq!(expected.len(), 21);
        let ours: Vec<Vec<String>> = LAN
            .iter()
            .map(|l| vec![l.code.into(), l.name.into()])
            .collect();
        assert_eq!(ours, expected);
        for l in LAN {
            assert!(l.nuts.starts_with("SE") && l.nuts.len() == 5, "{l:?}");
        }
    }

    #[test]
    fn the_kommuner_match_the_reference_list_and_lie_in_known_lan() {
        let Some(expected) = reference("kommuner.csv") else {
            return;
        };
        assert_eq!(expected.len(), 290);
        let ours: Vec<Vec<String>> = KOMMUNER
            .iter()
            .map(|k| vec![k.code.into(), k.name.into(), k.code[..2].into()])
            .collect();
        assert_eq!(ours, expected);
        assert!(KOMMUNER.iter().all(|k| lan(&k.code[..2]).is_some()));
        assert_eq!(kommuner_in("09").count(), 1, "Gotland is one kommun");
        assert_eq!(kommun("0180").map(|k| k.name), Some("Stockholm"));
    }
}
