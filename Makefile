# riep: the two commands a newcomer needs are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out
RUN_ARGS ?=

.PHONY: setup system bytecode run test workbooks bench clean

setup: system $(VENV)/.installed bytecode

# riep's own modules compiled as a wheel install would (pip compiles on install); without it every command
# compiles them again whenever PYTHONDONTWRITEBYTECODE is set, about 0.1 s of each start-up
bytecode: $(VENV)/.installed
	@$(BIN)/python -m compileall -q python/riep

system:
	@bash scripts/setup-system.sh

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==26.3
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	@touch $@

# riep exits 1 when it finds errors in the workbooks (the published Year Two plan has one);
# that is the report doing its job, so `make run` only fails when a workbook cannot be used (2).
run: setup
	XLWINGS_LICENSE_KEY=noncommercial $(BIN)/riep run workbook --out $(OUT) $(RUN_ARGS) || [ $$? -eq 1 ]

test: setup
	$(BIN)/ruff check
	$(BIN)/mypy
	XLWINGS_LICENSE_KEY=noncommercial $(BIN)/pytest

workbooks: setup
	$(BIN)/riep build workbook/src --out workbook

bench: setup
	XLWINGS_LICENSE_KEY=noncommercial $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(OUT)
