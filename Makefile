PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: test demo lint bench install clean

$(BIN)/modbot: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(BIN)/modbot

install: $(BIN)/modbot

test: $(BIN)/modbot
	$(BIN)/python -m pytest -q

lint: $(BIN)/modbot
	$(BIN)/ruff check .

demo: $(BIN)/modbot
	$(BIN)/modbot demo

bench: $(BIN)/modbot
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/bias.py

clean:
	rm -rf $(VENV) *.egg-info
