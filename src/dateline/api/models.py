"""Request bodies of the extraction endpoints."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ArticleIn(BaseModel):
    """One article, as in a line of ``dateline extract``'s JSONL input."""

    model_config = ConfigDict(extra="ignore")

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="An HTML page (main text is extracted).")
    published: str | None = Field(
        None, max_length=100, description="Publication date, e.g. 2025-08-07."
    )
    source: str | None = Field(None, max_length=500, description="Outlet name.")
    url: str | None = Field(None, max_length=4000)
    title: str | None = Field(None, max_length=4000)
    id: str = Field("doc", max_length=500, description="Echoed in the record.")

    @model_validator(mode="after")
    def _one_content(self) -> ArticleIn:
        if self.text is None and self.html is None:
            raise ValueError("E011: the article has neither 'text' nor 'html'")
        if self.text is not None and self.html is not None:
            raise ValueError("give either 'text' or 'html', not both")
        return self


EXAMPLE = {
    "id": "example-1",
    "text": (
        "Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three "
        "civilians, Ukrainian officials said."
    ),
    "published": "2025-03-04",
    "source": "Wire One",
}
