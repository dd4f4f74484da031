"""Ways to run the pipeline over many inputs: stage timing, and scale-out engines (Dask).

The in-process, resumable runner is :mod:`warta.runner`; this package adds what is needed
to measure it (:mod:`.timing`) and to run the same pipeline and settings as partitions on
a cluster (:mod:`.dask_runner`, :mod:`.shards`).
"""
