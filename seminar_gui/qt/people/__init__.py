"""The People panel: who presents, with lead and supporting turns (presenter rotation)."""
