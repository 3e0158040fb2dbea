"""`hauloc report`: the official report (the letter and the annex) as a workbook, a Word
document, a printable HTML page and Markdown, with the cells and words they share."""
