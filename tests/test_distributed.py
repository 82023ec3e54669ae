"""The dask engine on a LocalCluster bound to loopback gives the local engine's output."""
import pytest

distributed = pytest.importorskip("dask.distributed", reason="dask.distributed is not installed (pip install 'crosscheck[dask]')")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as c:
        yield c


def test_dask_engine_output_identical_to_local(cluster, tmp_path):
    from crosscheck.api import check
    from crosscheck.report import to_json_dict
    for i in range(70):
        story = f"fire-{i % 3}"
        (tmp_path / f"a{i:02d}.txt").write_text(
            f"---\nsource: Outlet {i % 5}\nstory: {story}\npublished: 2025-03-{10 + i % 3:02d}\n---\n"
            f"{i % 4 + 2} people died and {'dozens' if i % 2 else 'hundreds'} were hurt in blaze {i}, police said.\n")
    local = check([tmp_path])
    remote = check([tmp_path], scheduler=cluster.scheduler_address)
    assert to_json_dict(remote) == to_json_dict(local)
    assert len({g.story for g in local.groups}) == 3


def test_cli_dask_engine(cluster, tmp_path):
    from click.testing import CliRunner
    from crosscheck.cli import main
    (tmp_path / "a.txt").write_text("Three people died.")
    (tmp_path / "b.txt").write_text("Two people died.")
    r = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.html"), "--engine", "dask",
                                  "--scheduler", cluster.scheduler_address])
    assert r.exit_code == 0 and "conflict  deaths" in r.output, r.output
    r = CliRunner().invoke(main, ["report", str(tmp_path), "--engine", "dask"])
    assert r.exit_code == 1 and "needs --scheduler" in r.output
