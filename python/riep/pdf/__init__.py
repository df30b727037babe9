"""Printed output: the PDF reports and the heat-map chart, drawn with reportlab and matplotlib.

An output shell beside :mod:`riep.xlsx` (workbooks) and :mod:`riep.output` (terminal, JSON,
JUnit): the rule packages describe what a report says, these modules draw it.

- :mod:`riep.pdf.document`: fonts, styles and page furniture shared by every PDF.
- :mod:`riep.pdf.records`: one support record per authority.
- :mod:`riep.pdf.risks`: the board's risk report; :mod:`riep.pdf.heatmap`: its heat map picture.
"""

__all__: list[str] = []
