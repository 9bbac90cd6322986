/** Builds some of an object's properties from the constructor's arguments; no I/O, only objects around them. */
export type GroupBuilder<Args extends unknown[], T> = (...args: Args) => Partial<T>;

/**
 * A class whose instances build their properties on first read: each builder in `groups` makes one or more
 * properties, all of them at once, the first time any of them is read, and once per instance. A request that only
 * touches the device loaders builds only those, instead of every DataLoader and API object of the graph.
 *
 * Which builder makes which property is learnt here, once, by running each builder over `sample` arguments: builders
 * only construct objects around their arguments (DataLoaders over an API, an API over the client) and call nothing.
 *
 * @throws Error when two builders make the same property.
 */
export function lazyGroups<Args extends unknown[], T extends object>(groups: GroupBuilder<Args, T>[], sample: Args): new (...args: Args) => T {
  class Lazy {
    readonly args: Args;
    readonly built: Array<Partial<T> | undefined>;

    constructor(...args: Args) {
      this.args = args;
      this.built = new Array(groups.length);
    }
  }
  const owner = new Map<string, number>();
  groups.forEach((build, index) => {
    for (const name of Object.keys(build(...sample))) {
      if (owner.has(name)) throw new Error(`lazyGroups: "${name}" is built by groups ${owner.get(name)} and ${index}`);
      owner.set(name, index);
      Object.defineProperty(Lazy.prototype, name, {
        enumerable: true,
        get(this: Lazy) {
          let group = this.built[index];
          if (group === undefined) {
            group = build(...this.args);
            this.built[index] = group;
          }
          return group[name as keyof T];
        },
      });
    }
  });
  return Lazy as unknown as new (
    ...args: Args
  ) => T;
}
