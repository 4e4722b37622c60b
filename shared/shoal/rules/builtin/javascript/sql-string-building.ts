import { PrismaClient } from "@prisma/client";
import { DataSource } from "typeorm";

const prisma = new PrismaClient();

export async function findUsers(dataSource: DataSource, role: string, limit: number) {
  // ruleid: sql-injection/js-sql-string-building
  const users = await dataSource.query<{ id: number }[]>(`SELECT id FROM users WHERE role = '${role}' LIMIT ${limit}`);
  // ruleid: sql-injection/js-sql-string-building
  const count = await prisma.$queryRawUnsafe("SELECT count(*) FROM users WHERE role = '" + role + "'");
  return { users, count };
}

export async function findSafely(dataSource: DataSource, role: string) {
  // ok: sql-injection/js-sql-string-building
  const users = await dataSource.query("SELECT id FROM users WHERE role = $1", [role]);
  // ok: sql-injection/js-sql-string-building
  const count = await prisma.$queryRaw`SELECT count(*) FROM users WHERE role = ${role}`;
  // ok: sql-injection/js-sql-string-building
  const params = new URLSearchParams(`role=${role}`).get(`filter_${role}`);
  return { users, count, params };
}
