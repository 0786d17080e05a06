import asyncio


class Step:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Step({self.name!r})"

    async def __aenter__(self):
        print(f"Step {self.name}: begin")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print(f"Step {self.name}: end, notes so far {exc.__notes__}")
        else:
            print(f"Step {self.name}: end, no error")


async def main():
    try:
        async with Step("download"):
            await asyncio.sleep(0.5)
            print("main: file downloaded")
        async with Step("parse"):
            try:
                raise ValueError("line 3 is not a number")
            except ValueError as e:
                e.add_note("failed in step 'parse'")
                raise
    except ValueError as e:
        print(f"main: caught {repr(e)}")
        print(f"main: its notes are {e.__notes__}")


asyncio.run(main())
