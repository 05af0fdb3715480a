"""Run the suite's fuzz test's strategies for many examples and catalogue what breaks.

Unlike the test (which stops at the first failure), this keeps going and groups failures by
kind: an exception with its innermost storefront frame, or a broken invariant.

    python bench/fuzz_explore.py 300          # examples (default 100); seed with FUZZ_SEED

The arguments of the first example of each kind are kept in bench/out/fuzz/<n>.pickle, to
rebuild it with `test_fuzz.run_example(**pickle.load(...))`.
"""

from __future__ import annotations

import collections
import os
import pickle
import random
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "plugins")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import test_fuzz as fuzz  # noqa: E402

OUT = ROOT / "bench" / "out" / "fuzz"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(os.environ.get("FUZZ_SEED", random.randrange(2**32)))
    kinds: collections.Counter[str] = collections.Counter()
    samples: dict[str, str] = {}
    ran = [0]

    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.generate])
    @given(st.data())
    def explore(data):
        args = {name: data.draw(strategy, label=name) for name, strategy in fuzz.STRATEGIES.items()}
        ran[0] += 1
        try:
            problems = fuzz.run_example(**args)
        except Exception as error:  # noqa: BLE001 - catalogued, not hidden
            frames = [f for f in traceback.extract_tb(error.__traceback__) if "/storefront/" in f.filename]
            where = f"{frames[-1].filename.split('plugins/')[-1]}:{frames[-1].lineno}" if frames else "?"
            problems = [f"{type(error).__name__} at {where}: {str(error)[:120]}"]
        for problem in problems:
            key = problem[:160]
            kinds[key] += 1
            if key not in samples:
                samples[key] = repr(args)[:1500]
                OUT.mkdir(parents=True, exist_ok=True)
                with open(OUT / f"{len(samples)}.pickle", "wb") as handle:
                    pickle.dump(args, handle)

    import hypothesis

    hypothesis.seed(seed)(explore)()
    print(f"seed {seed}: {ran[0]} examples, {sum(kinds.values())} problems of {len(kinds)} kinds")
    for index, (key, n) in enumerate(kinds.items(), start=1):
        print(f"{n:5d}  {key}\n       e.g. {samples[key][:600]}\n       (arguments: {OUT}/{index}.pickle)")


if __name__ == "__main__":
    main()
