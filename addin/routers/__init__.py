"""Routes the RIEP add-in adds to xlwings Server (xlwings Server loads ``routers/custom.py``)."""
