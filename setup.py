"""Packaging for Scrapyd: `scrapyd-deploy` (or `python setup.py bdist_egg`)
builds an egg of `scraper`, `spiders` and `pipelines`, with the record
schemas and the site profiles inside it.

The egg carries no dependencies: the Scrapyd host installs requirements.txt
into the environment Scrapyd runs in. It is a zip file, so everything read at
run time is package data read with importlib.resources: the schemas
(scraper/schemas/*.json) and the profiles, which live in data/sites/ in the
repository and are copied into the package as scraper/profiles/*.toml
(scraper/sites.py looks there when data/sites/ is not beside it).
"""
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithProfiles(build_py):
    """build_py, plus data/sites/*.toml copied to scraper/profiles/."""

    def run(self):
        super().run()
        target = Path(self.build_lib) / "scraper" / "profiles"
        self.mkpath(str(target))
        for profile in sorted((HERE / "data" / "sites").glob("*.toml")):
            self.copy_file(str(profile), str(target / profile.name))


setup(
    name="zhaoshang-crawler",
    version="0.1",
    description="Crawls Chinese investment-promotion portals into JSON Lines records",
    packages=find_packages(include=["scraper", "scraper.*", "spiders", "spiders.*", "pipelines", "pipelines.*"]),
    package_data={"scraper.schemas": ["*.schema.json"], "scraper.extract": ["data/*.txt"]},
    python_requires=">=3.11",
    cmdclass={"build_py": BuildWithProfiles},
    entry_points={"scrapy": ["settings = scraper.settings"]},
    zip_safe=True,
)
