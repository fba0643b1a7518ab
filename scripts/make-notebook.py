# Writes a notebook in Jupyter's own format (sort_keys, indent=1) from a small Python description,
# the same bytes Modelbook writes. usage: /usr/bin/python3 scripts/make-notebook.py SPEC.py OUT.mlnb
# SPEC.py defines CELLS = [("md"|"code", "source"), ...]
import json, runpy, sys, hashlib

def lines(src):
    parts = src.split('\n')
    out = [p + '\n' for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out

spec = runpy.run_path(sys.argv[1])
cells = []
for i, (kind, src) in enumerate(spec['CELLS']):
    cid = hashlib.sha1(f"{i}:{src}".encode()).hexdigest()[:12]
    if kind == 'md':
        cells.append({"cell_type": "markdown", "id": cid, "metadata": {}, "source": lines(src)})
    else:
        cells.append({"cell_type": "code", "execution_count": None, "id": cid, "metadata": {}, "outputs": [], "source": lines(src)})
nb = {"cells": cells,
      "metadata": {"kernelspec": {"display_name": "Modelbook (TypeScript)", "language": "typescript", "name": "modelbook"},
                   "language_info": {"file_extension": ".ts", "mimetype": "text/typescript", "name": "typescript"}},
      "nbformat": 4, "nbformat_minor": 5}
with open(sys.argv[2], 'w') as f:
    f.write(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + '\n')
