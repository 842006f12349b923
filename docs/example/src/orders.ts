// Ordinary business logic with no backing-service client: the audit must stay quiet here.

export interface LineItem {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  id: string;
  customer: string;
  items: LineItem[];
}

const TAX_RATE = 0.2;

export function subtotal(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

export function total(order: Order): number {
  return Math.round(subtotal(order) * (1 + TAX_RATE) * 100) / 100;
}

export function validate(order: Order): string[] {
  const problems: string[] = [];
  if (!order.customer) problems.push('customer is required');
  if (order.items.length === 0) problems.push('an order needs at least one item');
  for (const item of order.items) {
    if (item.quantity <= 0) problems.push(`${item.sku}: quantity must be positive`);
  }
  return problems;
}
