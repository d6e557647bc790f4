"""What an officer reads to a person before they decide about the NRM: the kinds of explanation,
the language tag each pick-list language is written with (HTML `lang`, a PDF's language), and the
texts Tackle ships in English and Welsh, in our own words. Pure data, no database."""

from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from tackle.cases.rules.pick_lists import LANGUAGES

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ExplanationKind(StrEnum):
    NRM = "nrm"
    CONSENT = "consent"
    DUTY_TO_NOTIFY = "duty-to-notify"
    RIGHTS = "rights"

    @property
    def label(self) -> "StrOrPromise":
        """Lazy: read in the language of the page or document it is shown on."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ExplanationKind.NRM: _("The National Referral Mechanism"),
    ExplanationKind.CONSENT: _("Agreeing to a referral"),
    ExplanationKind.DUTY_TO_NOTIFY: _("The Duty to Notify"),
    ExplanationKind.RIGHTS: _("Your rights"),
}

# Where no text is approved in the person's language, English is offered, read by an interpreter.
FALLBACK_LANGUAGE = "English"

# BCP 47 tags of the pick-list's languages. A language without a tag here (none today) is marked
# `und`: a screen reader then does not read it as English.
LANGUAGE_TAGS: dict[str, str] = {
    "Akan": "ak", "Albanian": "sq", "Amharic": "am", "Arabic": "ar", "Armenian": "hy", "Bengali": "bn",
    "Bosnian": "bs", "British Sign Language": "bfi", "Bulgarian": "bg", "Burmese": "my", "Cantonese": "yue",
    "Czech": "cs", "Dari": "prs", "English": "en-GB", "Farsi": "fa", "French": "fr", "Georgian": "ka",
    "German": "de", "Greek": "el", "Gujarati": "gu", "Hausa": "ha", "Hindi": "hi", "Hungarian": "hu", "Igbo": "ig",
    "Italian": "it", "Kinyarwanda": "rw", "Krio": "kri", "Kurdish": "ku", "Kurdish (Kurmanji)": "kmr",
    "Kurdish (Sorani)": "ckb", "Latvian": "lv", "Lingala": "ln", "Lithuanian": "lt", "Malayalam": "ml",
    "Mandarin": "zh", "Nepali": "ne", "Oromo": "om", "Pashto": "ps", "Polish": "pl", "Portuguese": "pt",
    "Punjabi": "pa", "Romani": "rom", "Romanian": "ro", "Russian": "ru", "Serbian": "sr", "Sinhala": "si",
    "Slovak": "sk", "Somali": "so", "Spanish": "es", "Swahili": "sw", "Tagalog": "tl", "Tamil": "ta",
    "Telugu": "te", "Thai": "th", "Tigrinya": "ti", "Turkish": "tr", "Twi": "tw", "Ukrainian": "uk", "Urdu": "ur",
    "Uzbek": "uz", "Vietnamese": "vi", "Welsh": "cy", "Wolof": "wo", "Yoruba": "yo",
}  # fmt: skip

# Written right to left: the page and the PDF set dir="rtl" for these.
RIGHT_TO_LEFT = frozenset({"Arabic", "Dari", "Farsi", "Kurdish (Sorani)", "Pashto", "Urdu"})


def language_tag(language: str) -> str:
    return LANGUAGE_TAGS.get(language, "und")


def language_slug(language: str) -> str:
    return slugify(language)


def language_from_slug(slug: str) -> str | None:
    """The pick-list language a URL names, or None for a slug that names none."""
    return next((language for language in LANGUAGES if slugify(language) == slug), None)


# Each text's heading, in its own language, shown above it on the page and in the PDF.
SHIPPED_TITLES: dict[str, dict[ExplanationKind, str]] = {
    "English": {
        ExplanationKind.NRM: "What the NRM is",
        ExplanationKind.CONSENT: "You decide",
        ExplanationKind.DUTY_TO_NOTIFY: "If you say no",
        ExplanationKind.RIGHTS: "Your rights",
    },
    "Welsh": {
        ExplanationKind.NRM: "Beth yw'r NRM",
        ExplanationKind.CONSENT: "Chi sy'n penderfynu",
        ExplanationKind.DUTY_TO_NOTIFY: "Os ydych chi'n dweud na",
        ExplanationKind.RIGHTS: "Eich hawliau",
    },
}

SHIPPED: dict[str, dict[ExplanationKind, str]] = {
    "English": {
        ExplanationKind.NRM: (
            "The National Referral Mechanism is called the NRM. It is how the UK finds and helps people who "
            "may have been made to work or do things against their will.\n\n"
            "If you agree, I send a form about you to the Home Office. A team there reads it. Within a few "
            "days they decide if there are reasons to think you were exploited. If they think so, you can get "
            "help: a safe place to stay, money for food, a support worker, a doctor, and advice from a "
            "lawyer. You have at least 45 days to rest and think, and they cannot make you leave the UK "
            "in that time. Later they make a final decision. We will tell you what happens at each step."
        ),
        ExplanationKind.CONSENT: (
            "You choose. Nobody can make you agree.\n\n"
            "If you say yes, I send the form about you to the Home Office and you can get the help I "
            "told you about.\n\n"
            "If you say no, that is fine. You will not be in trouble. You can still get help from the "
            "council today. The law says I must still tell the Home Office what happened, but I will "
            "not give your name or anything that shows who you are. This is called the Duty to Notify.\n\n"
            "You can change your mind later. If you say yes now and no later, tell us and we stop."
        ),
        ExplanationKind.DUTY_TO_NOTIFY: (
            "The law says the council must tell the Home Office when we think someone may be a victim of "
            "modern slavery. This is called the Duty to Notify.\n\n"
            "If you do not want to be referred, I still send a short form. It does not have your name, "
            "your address, your phone number or your date of birth. It says what happened and where, so "
            "the police and the Home Office can stop it happening to other people. Nobody will contact "
            "you because of it."
        ),
        ExplanationKind.RIGHTS: (
            "You have the right to an interpreter. You can ask me to stop or to explain again.\n\n"
            "You have the right to say no. You can ask for a man or a woman to speak with you.\n\n"
            "You have the right to see a doctor if you are hurt or ill, and to get free legal advice.\n\n"
            "What you tell us is kept safe. We only share it to keep you or other people safe, or when "
            "you agree. You can ask to see what we keep about you."
        ),
    },
    "Welsh": {
        ExplanationKind.NRM: (
            "Enw'r National Referral Mechanism yw'r NRM. Dyma sut mae'r DU yn dod o hyd i bobl a allai fod "
            "wedi cael eu gorfodi i weithio neu i wneud pethau yn erbyn eu hewyllys, ac yn eu helpu.\n\n"
            "Os ydych chi'n cytuno, byddaf yn anfon ffurflen amdanoch chi at y Swyddfa Gartref. Bydd tîm "
            "yno yn ei darllen. O fewn ychydig ddyddiau byddan nhw'n penderfynu a oes rhesymau i gredu eich "
            "bod wedi cael eich camfanteisio. Os felly, gallwch gael help: lle diogel i aros, arian am fwyd, "
            "gweithiwr cymorth, meddyg, a chyngor gan gyfreithiwr. Mae gennych o leiaf 45 diwrnod i orffwys "
            "a meddwl, ac ni allan nhw wneud i chi adael y DU yn ystod yr amser hwnnw. Yn nes ymlaen byddan "
            "nhw'n gwneud penderfyniad terfynol. Byddwn yn dweud wrthych chi beth sy'n digwydd ar bob cam."
        ),
        ExplanationKind.CONSENT: (
            "Chi sy'n dewis. Does neb yn gallu gwneud i chi gytuno.\n\n"
            "Os ydych chi'n dweud ie, byddaf yn anfon y ffurflen amdanoch chi at y Swyddfa Gartref a gallwch "
            "gael yr help y soniais amdano.\n\n"
            "Os ydych chi'n dweud na, mae hynny'n iawn. Fyddwch chi ddim mewn trafferth. Gallwch gael help "
            "gan y cyngor heddiw o hyd. Mae'r gyfraith yn dweud bod rhaid i mi ddweud wrth y Swyddfa Gartref "
            "beth ddigwyddodd, ond fydda i ddim yn rhoi eich enw nac unrhyw beth sy'n dangos pwy ydych chi. "
            "Yr enw ar hyn yw'r Ddyletswydd i Hysbysu.\n\n"
            "Gallwch newid eich meddwl yn nes ymlaen. Os ydych chi'n dweud ie nawr a na wedyn, dywedwch "
            "wrthym ni a byddwn yn stopio."
        ),
        ExplanationKind.DUTY_TO_NOTIFY: (
            "Mae'r gyfraith yn dweud bod rhaid i'r cyngor ddweud wrth y Swyddfa Gartref pan fyddwn yn meddwl "
            "y gallai rhywun fod yn dioddef caethwasiaeth fodern. Yr enw ar hyn yw'r Ddyletswydd i Hysbysu.\n\n"
            "Os nad ydych chi eisiau cael eich atgyfeirio, byddaf yn dal i anfon ffurflen fer. Does dim "
            "eich enw, eich cyfeiriad, eich rhif ffôn na'ch dyddiad geni arni. Mae'n dweud beth ddigwyddodd "
            "a ble, fel bod yr heddlu a'r Swyddfa Gartref yn gallu ei atal rhag digwydd i bobl eraill. Fydd "
            "neb yn cysylltu â chi oherwydd y ffurflen."
        ),
        ExplanationKind.RIGHTS: (
            "Mae gennych hawl i gael cyfieithydd. Gallwch ofyn i mi stopio neu esbonio eto.\n\n"
            "Mae gennych hawl i ddweud na. Gallwch ofyn am gael siarad â dyn neu â menyw.\n\n"
            "Mae gennych hawl i weld meddyg os ydych wedi cael eich brifo neu os ydych yn sâl, ac i gael "
            "cyngor cyfreithiol am ddim.\n\n"
            "Rydyn ni'n cadw'n ddiogel beth rydych chi'n ei ddweud wrthym. Rydyn ni ond yn ei rannu i'ch cadw "
            "chi neu bobl eraill yn ddiogel, neu pan fyddwch chi'n cytuno. Gallwch ofyn i weld beth rydyn "
            "ni'n ei gadw amdanoch chi."
        ),
    },
}
