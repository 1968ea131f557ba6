"""Starter translations of the site's frame (menu, header, footer, error pages).

These were written by the developers and need checking by a fluent speaker before
a forum relies on them. Run after `pybabel update` to fill in any that are missing:
    .venv/bin/python translations/shell_translations.py && .venv/bin/pybabel compile -d translations
"""

from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).parent

STRINGS = {
    "Skip to main content": {
        "cy": "Neidio i'r prif gynnwys",
        "pl": "Przejdź do treści",
        "ar": "انتقل إلى المحتوى الرئيسي",
    },
    "Easy read": {"cy": "Hawdd ei ddarllen", "pl": "Tekst łatwy do czytania", "ar": "قراءة سهلة"},
    "on": {"cy": "ymlaen", "pl": "włączony", "ar": "مفعّلة"},
    "off": {"cy": "i ffwrdd", "pl": "wyłączony", "ar": "غير مفعّلة"},
    "Main": {"cy": "Prif ddewislen", "pl": "Menu główne", "ar": "القائمة الرئيسية"},
    "Home": {"cy": "Hafan", "pl": "Strona główna", "ar": "الصفحة الرئيسية"},
    "Forums": {"cy": "Fforymau", "pl": "Fora", "ar": "المنتديات"},
    "Hard words": {"cy": "Geiriau anodd", "pl": "Trudne słowa", "ar": "كلمات صعبة"},
    "Messages": {"cy": "Negeseuon", "pl": "Wiadomości", "ar": "الرسائل"},
    "Your account": {"cy": "Eich cyfrif", "pl": "Twoje konto", "ar": "حسابك"},
    "Sign in": {"cy": "Mewngofnodi", "pl": "Zaloguj się", "ar": "تسجيل الدخول"},
    "Sign out": {"cy": "Allgofnodi", "pl": "Wyloguj się", "ar": "تسجيل الخروج"},
    "Make an account": {"cy": "Creu cyfrif", "pl": "Załóż konto", "ar": "إنشاء حساب"},
    "Reading settings and language": {
        "cy": "Gosodiadau darllen ac iaith",
        "pl": "Ustawienia czytania i język",
        "ar": "إعدادات القراءة واللغة",
    },
    "Accessibility": {"cy": "Hygyrchedd", "pl": "Dostępność", "ar": "إمكانية الوصول"},
    "About the pictures": {"cy": "Am y lluniau", "pl": "O obrazkach", "ar": "عن الصور"},
    "There is a problem": {"cy": "Mae problem", "pl": "Wystąpił problem", "ar": "هناك مشكلة"},
    "Error:": {"cy": "Gwall:", "pl": "Błąd:", "ar": "خطأ:"},
    "Page not found": {
        "cy": "Heb ddod o hyd i'r dudalen",
        "pl": "Nie znaleziono strony",
        "ar": "الصفحة غير موجودة",
    },
    "Go to the home page": {
        "cy": "Mynd i'r hafan",
        "pl": "Przejdź do strony głównej",
        "ar": "اذهب إلى الصفحة الرئيسية",
    },
    "Email address": {"cy": "Cyfeiriad e-bost", "pl": "Adres e-mail", "ar": "البريد الإلكتروني"},
    "Password": {"cy": "Cyfrinair", "pl": "Hasło", "ar": "كلمة المرور"},
    "I forgot my password": {
        "cy": "Rwyf wedi anghofio fy nghyfrinair",
        "pl": "Nie pamiętam hasła",
        "ar": "نسيت كلمة المرور",
    },
    "Save settings": {"cy": "Cadw'r gosodiadau", "pl": "Zapisz ustawienia", "ar": "حفظ الإعدادات"},
    "Text size": {"cy": "Maint y testun", "pl": "Wielkość tekstu", "ar": "حجم النص"},
    "Language": {"cy": "Iaith", "pl": "Język", "ar": "اللغة"},
    "Same as my browser": {
        "cy": "Yr un fath â'm porwr",
        "pl": "Taki jak w przeglądarce",
        "ar": "مثل لغة المتصفح",
    },
    "Normal": {"cy": "Arferol", "pl": "Normalna", "ar": "عادي"},
    "Large": {"cy": "Mawr", "pl": "Duża", "ar": "كبير"},
    "Larger": {"cy": "Mwy", "pl": "Większa", "ar": "أكبر"},
    "Show easy read pages": {
        "cy": "Dangos tudalennau hawdd eu darllen",
        "pl": "Pokazuj strony łatwe do czytania",
        "ar": "اعرض صفحات القراءة السهلة",
    },
    "High contrast colours": {
        "cy": "Lliwiau cyferbyniad uchel",
        "pl": "Kolory o wysokim kontraście",
        "ar": "ألوان عالية التباين",
    },
    "Members": {"cy": "Aelodau", "pl": "Członkowie", "ar": "الأعضاء"},
}


def fill(language: str) -> int:
    path = HERE / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    filled = 0
    for message in catalog:
        wanted = STRINGS.get(message.id, {}).get(language) if isinstance(message.id, str) else None
        if wanted and not message.string:
            message.string = wanted
            filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return filled


if __name__ == "__main__":
    for code in ("cy", "pl", "ar"):
        print(code, fill(code))
