"""The project deployed to Scrapyd crawls the demo portal into the same
records as a local run.

Scrapyd runs on a free loopback port with its own config in a temporary
directory; `scrapyd-deploy` builds the egg (setup.py) from a copy of the
project whose scrapy.cfg points at it and uploads it; the crawl is scheduled
through schedule.json and waited for through listjobs.json. Neither Scrapyd
nor the job can see the checkout: Scrapyd runs in the temporary directory
without PYTHONPATH, so the job imports the code, the schemas and the demo
profile from the egg.

Scrapyd lists a job that crashed (even on import) as "finished" with no exit
code, so the job is judged by its output and manifest only.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from helpers import read_jsonl
from mockserver import CONTACT, ROOT, MockServer

PROJECT = "scraper"
FILES = {"article": "articles", "project": "projects", "policy": "policies", "park": "parks"}
#: Everything the egg is built from (setup.py's inputs).
PROJECT_FILES = ("setup.py", "scrapy.cfg", "scraper", "spiders", "pipelines", "data/sites")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE", "SCRAPY_PROJECT")}
    env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"  # setuptools' and Scrapyd's own, not ours
    return env


class Scrapyd:
    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Scrapyd":
        self.home.mkdir()
        (self.home / "scrapyd.conf").write_text(
            "[scrapyd]\n"
            "bind_address = 127.0.0.1\n"
            f"http_port = {self.port}\n"
            f"eggs_dir = {self.home / 'eggs'}\n"
            f"logs_dir = {self.home / 'logs'}\n"
            f"dbs_dir = {self.home / 'dbs'}\n"
            "items_dir =\n"
            "poll_interval = 0.2\n"
            "max_proc = 1\n", encoding="utf-8")
        self._log = open(self.home / "scrapyd.log", "wb")
        # HOME: Scrapyd also reads ~/.scrapyd.conf, after ./scrapyd.conf; a developer's must not win.
        self.proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=self.home,
                                     env={**clean_env(), "HOME": str(self.home)},
                                     stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.get("daemonstatus.json")["status"] == "ok":
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError("scrapyd did not start:\n" + self.log())
            time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def log(self) -> str:
        return (self.home / "scrapyd.log").read_text(encoding="utf-8", errors="replace")[-3000:]

    def get(self, endpoint: str, **params) -> dict:
        url = self.url + endpoint + ("?" + urllib.parse.urlencode(params) if params else "")
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)

    def post(self, endpoint: str, params: list[tuple[str, str]]) -> dict:
        data = urllib.parse.urlencode(params).encode("ascii")
        with urllib.request.urlopen(self.url + endpoint, data=data, timeout=30) as response:
            return json.load(response)

    def wait(self, job: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            jobs = self.get("listjobs.json", project=PROJECT)
            if any(j["id"] == job for j in jobs["finished"]):
                return
            time.sleep(0.3)
        raise AssertionError(f"job {job} not finished after {timeout} s: {jobs}")

    def job_log(self, job: str) -> str:
        path = self.home / "logs" / PROJECT / "portal" / f"{job}.log"
        return path.read_text(encoding="utf-8", errors="replace")[-5000:] if path.exists() else "(no job log)"


def project_copy(target: Path, scrapyd_url: str) -> Path:
    """What `scrapyd-deploy` would see in a checkout, its [deploy] url set to our Scrapyd."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    cfg = target / "scrapy.cfg"
    lines = [f"url = {scrapyd_url}" if line.startswith("url =") else line
             for line in cfg.read_text(encoding="utf-8").splitlines()]
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_scrapyd_deploys_and_crawls_like_a_local_run(tmp_path, demo_crawl):
    with Scrapyd(tmp_path / "scrapyd") as scrapyd:
        # Where Scrapyd runs, only the egg can provide the project's code.
        outside = subprocess.run([sys.executable, "-c", "import scraper"], cwd=scrapyd.home, env=clean_env(),
                                 capture_output=True)
        assert outside.returncode != 0
        project = project_copy(tmp_path / "project", scrapyd.url)
        deploy = subprocess.run([str(Path(sys.executable).with_name("scrapyd-deploy")), "--version", "test1"],
                                cwd=project, env=clean_env(), capture_output=True, text=True, timeout=120)
        assert deploy.returncode == 0, deploy.stdout + deploy.stderr + scrapyd.log()
        assert scrapyd.get("listspiders.json", project=PROJECT)["spiders"] == ["portal"]

        output = tmp_path / "output"
        with MockServer(tmp_path) as server:
            scheduled = scrapyd.post("schedule.json", [
                ("project", PROJECT), ("spider", "portal"),
                ("site", "demo"), ("start_urls", server.url),
                ("setting", f"OUTPUT_DIR={output}"), ("setting", f"CONTACT_URL={CONTACT}"),
                ("setting", "AUTOTHROTTLE_ENABLED=False"), ("setting", "DOWNLOAD_DELAY=0"),
                ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=4"),
            ])
            assert scheduled["status"] == "ok", scheduled
            job = scheduled["jobid"]
            scrapyd.wait(job, timeout=45)
        job_log = scrapyd.job_log(job)

    run_dir = output / "demo" / "latest"
    assert (run_dir / "manifest.json").exists(), f"no published run; job log:\n{job_log}"
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "finished", job_log

    local = {(t, demo_crawl.path(r["url"])) for t, records in demo_crawl.records.items() for r in records}
    prefix = server.url.rstrip("/")
    deployed = set()
    for record_type, name in FILES.items():
        records = read_jsonl(run_dir / f"{name}.jsonl")
        assert len(records) == len(demo_crawl.records[record_type]), record_type
        deployed |= {(record_type, r["url"][len(prefix):]) for r in records}
    assert deployed == local
    assert manifest["records"] == demo_crawl.manifest["records"]
