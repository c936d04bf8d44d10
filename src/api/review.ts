/**
 * `review`: what a change does to each cluster between two git revisions, each synthesised from a
 * temporary copy with the calico-gen running now. The working tree is only read.
 */
import { reviewChange, type Review, type ReviewOptions } from '../review/review';

export type { Review, ReviewOptions } from '../review/review';

export function review(options: ReviewOptions): Promise<Review> {
  return reviewChange(options);
}
