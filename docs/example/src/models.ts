import mongoose, { Schema } from 'mongoose';

const MONGO_URL = 'mongodb://admin:secret@mongo.internal:27017/app';

export async function connectModels(): Promise<typeof mongoose> {
  return mongoose.connect(MONGO_URL, { serverSelectionTimeoutMS: 5000 });
}

const orderSchema = new Schema({
  customer: { type: String, required: true },
  items: [{ sku: String, quantity: Number }],
  total: Number,
  createdAt: { type: Date, default: Date.now },
});

export const Order = mongoose.model('Order', orderSchema);
