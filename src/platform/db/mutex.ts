/**
 * A first-come, first-served async mutex: `run(fn)` waits until every earlier `run` has settled,
 * then runs `fn`. PGlite has one connection, so its transactions take turns through one of these.
 */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    // The next caller waits for this one to settle, whether it succeeded or not.
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
