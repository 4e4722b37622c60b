import { PrismaClient } from "@prisma/client";
import type { Request, Response } from "express";
import { DataSource } from "typeorm";

const prisma = new PrismaClient();

async function findUsers(dataSource: DataSource, role: string, limit: number) {
  // ruleid: sql-injection/js-sql-string-building
  const users = await dataSource.query<{ id: number }[]>(`SELECT id FROM users WHERE role = '${role}' LIMIT ${limit}`);
  return users;
}

export async function handler(req: Request, res: Response, dataSource: DataSource) {
  const role = req.query.role as string;
  await findUsers(dataSource, role, 10);
  // ruleid: sql-injection/js-sql-string-building
  const count = await prisma.$queryRawUnsafe("SELECT count(*) FROM users WHERE role = '" + role + "'");
  // ok: sql-injection/js-sql-string-building
  const users = await dataSource.query("SELECT id FROM users WHERE role = $1", [role]);
  // ok: sql-injection/js-sql-string-building
  const safeCount = await prisma.$queryRaw`SELECT count(*) FROM users WHERE role = ${role}`;
  // ok: sql-injection/js-sql-string-building
  const params = new URLSearchParams(`role=${role}`).get(`filter_${role}`);
  res.json({ users, count, safeCount, params });
}

export async function report(dataSource: DataSource, table: string) {
  // Not request data: the query match is a note.
  // ok: sql-injection/js-sql-string-building
  return dataSource.query(`SELECT count(*) FROM ${table}`);
}
