"""Where the tests find the project's samples and the shared evaluation corpus."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "seed" / "andromede.txt"
SEED_GOLD = CORPUS / "seed" / "andromede.json"
