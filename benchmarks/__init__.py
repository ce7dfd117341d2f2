"""Speed benchmarks of the workbench at 1,000, 10,000 and 100,000 tasks (`make bench`).

`python -m benchmarks` generates the data with `workbench demo`, measures every case of
issue 5 as medians of repeated runs, prints one table with PASS/FAIL per target and writes
it to benchmarks/RESULTS.md. `--quick` runs 1,000 and 10,000 only. The in-app measurements
use Textual's private driver API to feed keys the way terminal input arrives; that is
allowed here and nowhere in the product.
"""
