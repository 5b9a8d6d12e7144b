import sys
from pathlib import Path

# tests/ holds shared helpers (course_toc.py) imported by tests in its subfolders
sys.path.insert(0, str(Path(__file__).resolve().parent))
