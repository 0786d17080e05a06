import asyncio


class Database:
    def __init__(self, url):
        self.url = url

    def __repr__(self):
        return f"Database({self.url!r})"

    async def __aenter__(self):
        print(f"Database: opening {self.url}")
        link = await open_link()
        self.link = link
        print(f"Database: self.link is {self.link!r}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Database: closing {self.link!r}")
        self.link = None


async def open_link():
    await asyncio.sleep(0.5)
    return "link #7"


async def main():
    async with Database("postgres://orders") as db:
        print(f"main: querying through {db.link}")
    print(f"main: afterwards db.link is {db.link!r}")


asyncio.run(main())
