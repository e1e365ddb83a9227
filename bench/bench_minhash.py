"""Benchmark: reportlint's MinHash/LSH (``reportlint.text.minhash``) against datasketch, on report paragraphs.

Usage::

    pip install datasketch          # only for this comparison; reportlint does not need it
    python bench/bench_minhash.py [--reports 300]

Both sign the paragraphs of generated reports (5-character shingles, 64
permutations) and search them for near-duplicate pairs (LSH, 8 bands of 8).
Printed: signing time per report, the mean absolute error of the estimated
similarity against the exact Jaccard similarity (on near pairs and on random
pairs), the time to find all pairs above 0.9, whether both find the same pairs,
and the memory of one signature.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[1]


def shingles(text: str) -> set[str]:
    return {text[index : index + 5] for index in range(len(text) - 4)}


def jaccard(first: set[str], second: set[str]) -> float:
    return len(first & second) / len(first | second) if first | second else 1.0


def paragraphs_of_reports(count: int) -> list[list[str]]:
    """The comparable paragraphs of ``count`` generated reports (two years of ``count // 2`` townships), some edited copies of others."""
    from reportlint.testing.reports import SampleReport, township_subjects
    from reportlint.text.minhash import comparable_text

    rng = random.Random(7)
    reports = []
    for number, subject in enumerate(township_subjects(count // 2, seed=3)):
        first = SampleReport.build("T2021", 2021, subject, seed=number)
        for report in (first, first.next_year(seed=number)):
            texts = [comparable_text(paragraph) for section in ("s1", "s5", "s6") for paragraph in report.sections[section]]
            reports.append([text for text in texts if len(text) >= 50])
    for report in rng.sample(reports, len(reports) // 10):  # a tenth get an edited copy of another report's paragraph
        source = rng.choice(rng.choice(reports))
        position = rng.randrange(len(source))
        report.append(source[:position] + "另行改写" + source[position + 4 :])
    return reports


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=300)
    arguments = parser.parse_args(argv)
    sys.path.insert(0, str(REPOSITORY_ROOT / "src"))
    from reportlint.text.minhash import BANDS, SIGNATURE_SIZE, LSHIndex, Signer, signature_matrix, similarity

    reports = paragraphs_of_reports(arguments.reports)
    texts = [text for report in reports for text in report]
    exact = [shingles(text) for text in texts]
    rng = random.Random(11)
    random_pairs = [tuple(rng.sample(range(len(texts)), 2)) for _ in range(3000)]
    print(f"{len(reports)} 份报告，{len(texts)} 段")

    signer = Signer()
    signer.sign(reports[0])  # numpy loaded, permutations built
    started = time.perf_counter()
    ours = [signature for report in reports for signature in signer.sign(report)]
    ours_time = (time.perf_counter() - started) / len(reports)
    kept = [index for index, signature in enumerate(ours) if signature is not None]
    matrix = signature_matrix([ours[index] for index in kept])
    started = time.perf_counter()
    pairs, crowds = LSHIndex(matrix).pairs(0.9)
    ours_pairs = {(kept[first], kept[second]) for first, second, _ in pairs}
    for crowd in crowds:  # nearly identical rows set apart: every pair of them is similar
        members = sorted(kept[row] for row in crowd.tolist())
        ours_pairs.update((a, b) for position, a in enumerate(members) for b in members[position + 1 :])
    ours_search = time.perf_counter() - started
    near = sorted(ours_pairs)[:3000]
    ours_error = {
        name: statistics.mean(abs(similarity(ours[a], ours[b]) - jaccard(exact[a], exact[b])) for a, b in pairs if ours[a] and ours[b])
        for name, pairs in (("near", near), ("random", random_pairs))
    }
    print(
        f"reportlint：签名 {ours_time * 1000:.2f} ms/份，找出相似度 ≥ 0.9 的段落对 {ours_search * 1000:.0f} ms（{len(ours_pairs)} 对），"
        f"估计误差（相近/随机）{ours_error['near']:.3f}/{ours_error['random']:.3f}，每个签名 {2 * SIGNATURE_SIZE} 字节"
    )

    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("datasketch 未安装（pip install datasketch），不作比较")
        return 0
    started = time.perf_counter()
    theirs = []
    for report in reports:
        for text in report:
            minhash = MinHash(num_perm=SIGNATURE_SIZE)
            minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
            theirs.append(minhash)
    theirs_time = (time.perf_counter() - started) / len(reports)
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.9, num_perm=SIGNATURE_SIZE, params=(BANDS, SIGNATURE_SIZE // BANDS))
    for index, minhash in enumerate(theirs):
        lsh.insert(index, minhash)
    theirs_pairs = set()
    for index, minhash in enumerate(theirs):
        for other in lsh.query(minhash):
            if other != index and minhash.jaccard(theirs[other]) >= 0.9:
                theirs_pairs.add((min(index, other), max(index, other)))
    theirs_search = time.perf_counter() - started
    theirs_error = {
        name: statistics.mean(abs(theirs[a].jaccard(theirs[b]) - jaccard(exact[a], exact[b])) for a, b in pairs)
        for name, pairs in (("near", near), ("random", random_pairs))
    }
    print(
        f"datasketch：签名 {theirs_time * 1000:.2f} ms/份，找出相似度 ≥ 0.9 的段落对 {theirs_search * 1000:.0f} ms（{len(theirs_pairs)} 对），"
        f"估计误差（相近/随机）{theirs_error['near']:.3f}/{theirs_error['random']:.3f}，每个签名 {8 * SIGNATURE_SIZE} 字节"
    )
    both = ours_pairs & theirs_pairs
    print(
        f"两者都找到 {len(both)} 对；只有 reportlint 找到 {len(ours_pairs - both)} 对，只有 datasketch 找到 {len(theirs_pairs - both)} 对"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
