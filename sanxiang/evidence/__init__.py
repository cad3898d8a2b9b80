"""Evidence and audio/video records (音像记录): resumable upload, digests, WORM storage, playback, reads."""
