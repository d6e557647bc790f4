"""The closed lists the Home Office form asks from, in our own spelling: nationalities, languages
and UK police forces. Each is stored as the words shown, so a record typed before these lists
existed keeps its value and reads the same."""

NATIONALITIES: tuple[str, ...] = (
    "Afghan", "Albanian", "Algerian", "American", "Andorran", "Angolan", "Antiguan", "Argentine", "Armenian",
    "Australian", "Austrian", "Azerbaijani", "Bahamian", "Bahraini", "Bangladeshi", "Barbadian", "Belarusian",
    "Belgian", "Belizean", "Beninese", "Bhutanese", "Bolivian", "Bosnian", "Botswanan", "Brazilian", "British",
    "Bruneian", "Bulgarian", "Burkinan", "Burmese", "Burundian", "Cambodian", "Cameroonian", "Canadian",
    "Cape Verdean", "Central African", "Chadian", "Chilean", "Chinese", "Colombian", "Comoran", "Congolese",
    "Congolese (DRC)", "Costa Rican", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Djiboutian",
    "Dominican", "Dutch", "East Timorese", "Ecuadorean", "Egyptian", "Emirati", "Equatorial Guinean", "Eritrean",
    "Estonian", "Eswatini", "Ethiopian", "Fijian", "Filipino", "Finnish", "French", "Gabonese", "Gambian",
    "Georgian", "German", "Ghanaian", "Greek", "Grenadian", "Guatemalan", "Guinean", "Guinea-Bissauan",
    "Guyanese", "Haitian", "Honduran", "Hong Konger", "Hungarian", "Icelandic", "Indian", "Indonesian",
    "Iranian", "Iraqi", "Irish", "Israeli", "Italian", "Ivorian", "Jamaican", "Japanese", "Jordanian",
    "Kazakh", "Kenyan", "Kittitian", "Kosovan", "Kuwaiti", "Kyrgyz", "Lao", "Latvian", "Lebanese", "Liberian",
    "Libyan", "Liechtenstein citizen", "Lithuanian", "Luxembourger", "Macanese", "Malagasy", "Malawian",
    "Malaysian", "Maldivian", "Malian", "Maltese", "Marshallese", "Mauritanian", "Mauritian", "Mexican",
    "Micronesian", "Moldovan", "Monegasque", "Mongolian", "Montenegrin", "Moroccan", "Mozambican", "Namibian",
    "Nauruan", "Nepalese", "New Zealander", "Nicaraguan", "Nigerian", "Nigerien", "North Korean",
    "North Macedonian", "Norwegian", "Omani", "Pakistani", "Palauan", "Palestinian", "Panamanian",
    "Papua New Guinean", "Paraguayan", "Peruvian", "Polish", "Portuguese", "Qatari", "Romanian", "Russian",
    "Rwandan", "Salvadorean", "Sammarinese", "Samoan", "Sao Tomean", "Saudi Arabian", "Senegalese", "Serbian",
    "Seychellois", "Sierra Leonean", "Singaporean", "Slovak", "Slovenian", "Solomon Islander", "Somali",
    "South African", "South Korean", "South Sudanese", "Spanish", "Sri Lankan", "St Lucian", "Stateless",
    "Sudanese", "Surinamese", "Swedish", "Swiss", "Syrian", "Taiwanese", "Tajik", "Tanzanian", "Thai", "Togolese",
    "Tongan", "Trinidadian", "Tunisian", "Turkish", "Turkmen", "Tuvaluan", "Ugandan", "Ukrainian", "Uruguayan",
    "Uzbek", "Vanuatuan", "Vatican citizen", "Venezuelan", "Vietnamese", "Vincentian", "Yemeni", "Zambian",
    "Zimbabwean",
)  # fmt: skip

LANGUAGES: tuple[str, ...] = (
    "Akan", "Albanian", "Amharic", "Arabic", "Armenian", "Bengali", "Bosnian", "British Sign Language",
    "Bulgarian", "Burmese", "Cantonese", "Czech", "Dari", "English", "Farsi", "French", "Georgian", "German",
    "Greek", "Gujarati", "Hausa", "Hindi", "Hungarian", "Igbo", "Italian", "Kinyarwanda", "Krio", "Kurdish",
    "Kurdish (Kurmanji)", "Kurdish (Sorani)", "Latvian", "Lingala", "Lithuanian", "Malayalam", "Mandarin",
    "Nepali", "Oromo", "Pashto", "Polish", "Portuguese", "Punjabi", "Romani", "Romanian", "Russian", "Serbian",
    "Sinhala", "Slovak", "Somali", "Spanish", "Swahili", "Tagalog", "Tamil", "Telugu", "Thai", "Tigrinya",
    "Turkish", "Twi", "Ukrainian", "Urdu", "Uzbek", "Vietnamese", "Welsh", "Wolof", "Yoruba",
)  # fmt: skip

POLICE_FORCES: tuple[str, ...] = (
    "Avon and Somerset Constabulary", "Bedfordshire Police", "British Transport Police", "Cambridgeshire Constabulary",
    "Cheshire Constabulary", "City of London Police", "Cleveland Police", "Cumbria Constabulary",
    "Derbyshire Constabulary", "Devon and Cornwall Police", "Dorset Police", "Durham Constabulary",
    "Dyfed-Powys Police", "Essex Police", "Gloucestershire Constabulary", "Greater Manchester Police",
    "Gwent Police", "Hampshire and Isle of Wight Constabulary", "Hertfordshire Constabulary", "Humberside Police",
    "Kent Police", "Lancashire Constabulary", "Leicestershire Police", "Lincolnshire Police", "Merseyside Police",
    "Metropolitan Police Service", "Norfolk Constabulary", "North Wales Police", "North Yorkshire Police",
    "Northamptonshire Police", "Northumbria Police", "Nottinghamshire Police", "Police Scotland",
    "Police Service of Northern Ireland", "South Wales Police", "South Yorkshire Police", "Staffordshire Police",
    "Suffolk Constabulary", "Surrey Police", "Sussex Police", "Thames Valley Police", "Warwickshire Police",
    "West Mercia Police", "West Midlands Police", "West Yorkshire Police", "Wiltshire Police",
)  # fmt: skip


def as_choices(options: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """A list as (value, label) pairs: stored as the words shown."""
    return tuple((option, option) for option in options)
