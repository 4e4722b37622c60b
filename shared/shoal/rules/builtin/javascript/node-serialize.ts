import { unserialize, serialize } from "node-serialize";
import type { Request, Response } from "express";

interface Cart { items: string[] }

export function restoreCart(req: Request, res: Response): void {
  // ruleid: deserialization/js-node-serialize
  const cart = unserialize(req.cookies["cart"] as string) as Cart;
  res.json(cart);
}

export function saveCart(cart: Cart, res: Response): void {
  // ok: deserialization/js-node-serialize
  res.cookie("cart", serialize(cart));
  // ok: deserialization/js-node-serialize
  const parsed: Cart = JSON.parse(JSON.stringify(cart));
  res.json(parsed);
}
