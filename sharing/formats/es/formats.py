"""Spanish numbers grouped with a point ("20.000"), as browsers write them
(``toLocaleString("es")``, the share form's live counter) beside the limits the
pages name, rather than Django's non-breaking space. Dates keep Django's own
formats ("3 de diciembre de 2026")."""

THOUSAND_SEPARATOR = "."
