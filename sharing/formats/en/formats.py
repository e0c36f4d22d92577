"""English dates as the site writes them, day first ("3 December 2026", "3 December
2026, 14:05"), rather than Django's American "Dec. 3, 2026". Other languages keep
Django's own formats ("3 de diciembre de 2026" in Spanish)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
