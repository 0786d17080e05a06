import asyncio


class Conexão:
    def __init__(self, país):
        self.país = país

    def __repr__(self):
        return f"Conexão({self.país!r})"

    async def __aenter__(self):
        print(f"Conexão: opening for {self.país}")
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"Conexão: closing for {self.país}")


async def baixar_relatório():
    async with Conexão("Brasil") as conexão:
        print(f"baixar_relatório: reading via {conexão.país}")
        await asyncio.sleep(1)
    return "relatório pronto"


async def descargar_año():
    async with Conexão("España") as conexión:
        print(f"descargar_año: reading via {conexión.país}")
        await asyncio.sleep(0.5)
    return "año completo"


async def main():
    αποτελέσματα = await asyncio.gather(baixar_relatório(), descargar_año())
    print(f"main: {αποτελέσματα}")


asyncio.run(main())
