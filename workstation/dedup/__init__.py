"""Perceptual hashing and near-duplicate search."""
