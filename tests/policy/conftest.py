import pytest

from tests.policy.cases import FILES


@pytest.fixture
def secret_files(tmp_path, monkeypatch):
    """The working folder, holding the key files the cases' flux create options name."""
    monkeypatch.chdir(tmp_path)
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    return tmp_path
