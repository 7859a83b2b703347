import { useEffect, useId, useRef } from 'react';
// Vite bundles the feature's styles with its chunk.
// oxlint-disable-next-line import/no-unassigned-import
import './confirm-box.css';

interface ConfirmBoxProps {
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Are you sure?" in the page, not a browser dialog: it reads the same on every phone, and
 * focus moves to it, so a screen-reader user hears the question before anything is lost.
 */
export function ConfirmBox({ question, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmBoxProps) {
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // Focus lands on the safe choice: a stray double tap must not confirm. The whole box is
  // brought to the middle of the screen: focusing alone left it below the fold, behind the
  // bottom menu, and the operator did not see the question.
  useEffect(() => {
    cancelRef.current?.focus({ preventScroll: true });
    boxRef.current?.scrollIntoView?.({ block: 'center' });
  }, []);
  return (
    <div className="confirm-box" role="group" aria-labelledby={questionId} ref={boxRef}>
      <p id={questionId}>{question}</p>
      <button type="button" className="confirm-box__yes" onClick={onConfirm}>{confirmLabel}</button>
      <button type="button" className="confirm-box__no" ref={cancelRef} onClick={onCancel}>{cancelLabel}</button>
    </div>
  );
}
