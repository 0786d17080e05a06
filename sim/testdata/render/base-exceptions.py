import asyncio


class Guard:
    def __repr__(self):
        return "Guard()"

    async def __aenter__(self):
        print("Guard: open")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Guard: __aexit__ sees {exc!r}")


async def next_item():
    raise StopAsyncIteration("no more items")


async def main():
    try:
        try:
            async with Guard():
                print("main: calling it a day")
                raise SystemExit("closing time")
        except Exception as e:
            print(f"main: never printed, {e!r}")
    except SystemExit as e:
        print(f"main: except SystemExit caught {e!r}")
    try:
        raise KeyboardInterrupt
    except Exception:
        print("main: never printed")
    except BaseException as e:
        print(f"main: except BaseException caught {e!r}")
    try:
        await next_item()
    except Exception as e:
        print(f"main: except Exception caught {e!r}")
    try:
        raise GeneratorExit
    except Exception:
        print("main: never printed")
    except GeneratorExit as e:
        print(f"main: except GeneratorExit caught {e!r}")
    print("main: finished normally")


asyncio.run(main())
