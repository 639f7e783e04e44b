import { en, Faker } from '@faker-js/faker';
import { AGE_GROUPS, type AgeGroup } from '../common/vocabulary.js';
import type { RandomStream } from './random.js';

/** A simulated child. Lives only inside the world: no field of it may reach telemetry. */
export interface Child {
  id: string;
  name: string;
  age: number;
  ageGroup: AgeGroup;
}

/** The children of the world; each is in at most one session at a time. */
export interface ChildPool {
  /** A child of the group who is not in a session; a new one is made when none is free. */
  acquire(ageGroup: AgeGroup): Child;
  release(child: Child): void;
  /** Every child made so far. */
  all(): readonly Child[];
}

const AGES: Record<AgeGroup, readonly [number, number]> = {
  '3-5': [3, 5],
  '6-8': [6, 8],
  '9-12': [9, 12],
};

/** A faker of its own, seeded from the run's seed; the global faker is never touched. */
export function createSeededFaker(random: RandomStream): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed([random.uint32(), random.uint32(), random.uint32(), random.uint32()]);

  return faker;
}

/** Children are made lazily, so the pool grows to the number of sessions open at once. */
export function createChildPool(faker: Faker): ChildPool {
  const children: Child[] = [];
  const free = new Map<AgeGroup, Child[]>(AGE_GROUPS.map((group) => [group, []]));

  const make = (ageGroup: AgeGroup): Child => {
    const [min, max] = AGES[ageGroup];
    const child: Child = {
      id: faker.string.uuid(),
      name: faker.person.fullName(),
      age: faker.number.int({ min, max }),
      ageGroup,
    };
    children.push(child);

    return child;
  };

  return {
    acquire: (ageGroup) => free.get(ageGroup)!.pop() ?? make(ageGroup),
    release: (child) => {
      free.get(child.ageGroup)!.push(child);
    },
    all: () => children,
  };
}
