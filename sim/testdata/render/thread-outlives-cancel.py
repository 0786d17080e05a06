import asyncio
import time


def write_report():
    print("write_report: writing (3 s)")
    time.sleep(3)  # blocks only this worker thread
    print("write_report: file written")
    return "report.csv"


async def export():
    try:
        path = await asyncio.to_thread(write_report)
        print(f"export: saved {path}")
    finally:
        print("export: finally runs")


async def main():
    job = asyncio.create_task(export())
    await asyncio.sleep(1)
    print("main: cancelling the export")
    job.cancel()
    try:
        await job
    except asyncio.CancelledError:
        print("main: the task is cancelled, but its thread still runs")
    print("main: returns")


asyncio.run(main())
