"""The ess-crawler command: every command documented, list and extract work."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

from ess_crawler.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "ess_crawler/demo/sites/chorum/actualite/reseaux-sociaux-une-opportunite-pour-less.html"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name in main.commands:
        assert re.search(rf"ess-crawler {name}\b", readme), f"`ess-crawler {name}` is not in the README"


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, name
        assert runner.invoke(main, [name, "--help"]).exit_code == 0


def test_list_shows_the_profiles():
    result = CliRunner().invoke(main, ["list"])
    assert result.exit_code == 0
    assert "chorum" in result.output and "ressources_solidaires" in result.output


def test_extract_prints_the_article_as_json():
    result = CliRunner().invoke(main, ["extract", str(SEED), "--site", "chorum",
                                       "--url", "https://www.chorum.fr/actualite/reseaux-sociaux-une-opportunite-pour-less"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["published"] == "2014-03-25" and len(data["footnotes"]) == 2


def test_extract_explain_names_the_rule_of_each_field():
    result = CliRunner().invoke(main, ["extract", str(SEED), "--site", "chorum", "--explain"])
    assert result.exit_code == 0
    line = next(ln for ln in result.output.splitlines() if ln.startswith("published "))
    assert "profile:date" in line and "2014-03-25" in line


def test_unknown_site_is_a_clear_error():
    result = CliRunner().invoke(main, ["crawl", "nosuchsite"])
    assert result.exit_code != 0 and "no site profile 'nosuchsite'" in result.output


def test_extract_refuses_a_non_html_file(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1 and "nothing to extract" in result.output and "Traceback" not in result.output
