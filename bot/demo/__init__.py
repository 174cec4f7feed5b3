"""Demo traffic and the ``modbot demo`` runner (emulator + generator + daemon in one process)."""
